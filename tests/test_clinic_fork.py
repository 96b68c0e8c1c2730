"""What a clinic's editor does to its fork on GitHub, and what the build must then do.

Each test is one realistic edit (another country's clinic details, a page
dropped from the menu, a language the kit has no words for) on a small
fixture site, with the values a clinic would type: none is the example clinic's.
"""

from __future__ import annotations

import json
import re
import shutil

import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_CONFIG, FIXTURE_PAGE, ROOT, FixtureSite, read_clinic
from test_termcheck import run_cli

from kit.data.clinic import load_clinic
from kit.data.patient_text import strings_file
from kit.review.golive import clinic_placeholders
from kit.wording.terminology import load_terminology


def clinic_yml_lines(site: FixtureSite) -> list[str]:
    return (site.root / "clinic.yml").read_text(encoding="utf-8").splitlines()


def test_an_address_typed_as_one_block_and_a_phone_without_spaces_reach_patients_as_typed(fixture_site: FixtureSite) -> None:
    # An Australian clinic types its address as a block and its number without spaces (YAML reads 0212345670 as an octal number).
    kept = {key: value for key, value in read_clinic(fixture_site.root).items() if key not in ("address", "phone")}
    block = "address: |\n  Level 3, 88 George Street\n  Sydney NSW\n  2000\nphone: 0212345670\n"
    (fixture_site.root / "clinic.yml").write_text(yaml.safe_dump(kept, sort_keys=False) + block, encoding="utf-8")
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "contact: true\n---\n\n#", 1))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    page = BeautifulSoup(build.page(""), "html.parser")
    contact = " ".join(page.select_one(".clinic-contact").get_text(" ").split())
    assert "Level 3, 88 George Street, Sydney NSW, 2000" in contact
    assert "0212345670" in contact and "tel:0212345670" in str(page.select_one(".clinic-contact"))
    clinic = load_clinic(fixture_site.root / "clinic.yml")  # what the footer, PDFs and structured data read
    assert (clinic.address, clinic.phone) == (["Level 3, 88 George Street", "Sydney NSW", "2000"], "0212345670")


def test_a_live_clinic_outside_north_america_is_not_refused_for_555_digits_in_its_number(fixture_site: FixtureSite) -> None:
    # Lanark's area code is 01555: the number's digits contain 55501, but it is not a US fiction number.
    fixture_site.go_live()
    fixture_site.set_clinic(phone="+44 1555 012345")
    assert clinic_placeholders(load_clinic(fixture_site.root / "clinic.yml")) == []
    fixture_site.set_clinic(phone="+1 (212) 555-0142")
    assert [f.rule for f in clinic_placeholders(load_clinic(fixture_site.root / "clinic.yml"))] == ["live.example_value"]


def nav_config(*entries: str) -> str:
    return FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py") + "nav:\n" + "".join(f"  - {entry}\n" for entry in entries)


def test_a_glossary_taken_out_of_the_menu_still_explains_the_terms_on_each_page(fixture_site: FixtureSite) -> None:
    term = load_terminology(fixture_site.root / "terminology.yml").glossary[0].term
    fixture_site.write("mkdocs.yml", nav_config("Welcome: index.md"))
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("The clinic's fixture page.", f"The clinic explains {term} here."))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output  # no warning about a docs/glossary.md the clinic never had
    page = BeautifulSoup(build.page(""), "html.parser")
    link = page.select_one("article a[href*='glossary/']")
    assert link is not None and link.get_text().lower() == term.lower()
    assert (build.site / "glossary" / "index.html").is_file()
    assert not page.select("nav.md-nav a[href*='glossary/']")


def test_a_glossary_in_the_menu_without_any_definition_stops_at_its_nav_line(fixture_site: FixtureSite) -> None:
    fixture_site.write("terminology.yml", "accepted_words:\n  - Harbourlane\n")
    fixture_site.write("mkdocs.yml", nav_config("Welcome: index.md", "Glossary: glossary.md"))
    build = fixture_site.build("--strict")
    lines = (fixture_site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "glossary.md" in text)
    assert build.returncode != 0 and "Traceback" not in build.output
    assert f"mkdocs.yml:{line}:5: The navigation lists glossary.md, but terminology.yml defines no term" in build.output, build.output
    assert "Remove the `glossary.md` line from `nav:`" in build.output


def test_a_language_the_kit_has_no_words_for_is_reported_at_its_line_with_what_to_do(fixture_site: FixtureSite) -> None:
    language = next(code for code in ("fr", "de", "es", "it", "nl", "pt") if not strings_file(code).exists())
    config = FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py")
    fixture_site.write("mkdocs.yml", config.replace("  font: false\n", f"  font: false\n  language: {language}\n"))
    check = run_cli(cwd=fixture_site.root)
    lines = (fixture_site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if text.strip() == f"language: {language}")
    assert check.returncode == 1, check.stdout + check.stderr
    assert re.search(
        rf"mkdocs\.yml:{line}:3: `language: {language}` has no translation of the words the kit adds to pages.*"
        rf"Copy kit/strings/en\.yml to kit/strings/{language}\.yml and translate its values",
        check.stdout + check.stderr,
    ), check.stdout + check.stderr


def test_a_half_done_translation_builds_in_english_where_it_lacks_words_and_names_them(fixture_site: FixtureSite) -> None:
    # The clinic copies kit/strings/en.yml, translates one line and deletes another (kit/ is the fork's own copy).
    language = next(code for code in ("fr", "de", "es", "it", "nl", "pt") if not strings_file(code).exists())
    shutil.copytree(ROOT / "kit", fixture_site.root / "kit", ignore=shutil.ignore_patterns("__pycache__"))
    english = yaml.safe_load((ROOT / "kit" / "strings" / "en.yml").read_text(encoding="utf-8"))
    translated = {**english, "disclaimer": {**english["disclaimer"], "label": "Attention :"}}
    del translated["contact"]
    (fixture_site.root / "kit" / "strings" / f"{language}.yml").write_text(yaml.safe_dump(translated, allow_unicode=True), encoding="utf-8")
    config = FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py")
    fixture_site.write("mkdocs.yml", config.replace("  font: false\n", f"  font: false\n  language: {language}\n"))
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "contact: true\n---\n\n#", 1))
    build = fixture_site.build("--no-strict", env={"PYTHONPATH": str(fixture_site.root)})
    assert build.returncode == 0 and "Traceback" not in build.output, build.output
    page = BeautifulSoup(build.page(""), "html.parser")
    assert page.select_one(".clinic-disclaimer").get_text(" ", strip=True).startswith("Attention :")
    assert page.select_one(".clinic-contact h2").get_text().startswith(english["contact"]["title"].split("{")[0])
    missing = len(english["contact"])
    assert re.search(
        rf"WARNING .*kit/strings/{language}\.yml:1:1: {missing} of the kit's words are not translated here, .*contact\.title", build.output
    ), build.output


def test_a_picture_without_a_description_is_reported_at_its_line_and_one_in_a_code_example_is_not(fixture_site: FixtureSite) -> None:
    page = FIXTURE_PAGE + (
        "\n![The clinic's treatment room](assets/logo.svg)\n"
        '\n!!! note "Before and after"\n\n    Results after three sessions:\n\n    ![](assets/logo.svg)\n'
        "\n```markdown\n![](assets/logo.svg)\n```\n"
    )
    fixture_site.write("docs/index.md", page)
    check = run_cli(cwd=fixture_site.root)
    line = page.splitlines().index("    ![](assets/logo.svg)") + 1
    found = re.findall(r"docs/index\.md:(\d+):(\d+): This picture has no description", check.stdout)
    assert found == [(str(line), "5")], check.stdout + check.stderr
    assert "Write what it shows between the square brackets" in check.stdout
    assert check.returncode == 1


def test_a_prices_page_without_key_points_gets_a_home_page_card_with_its_description(fixture_site: FixtureSite) -> None:
    shutil.copytree(ROOT / "overrides", fixture_site.root / "overrides")
    config = nav_config("Home: index.md", "Prices: prices.md").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    fixture_site.write("mkdocs.yml", config)
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "template: home.html\n---\n\n#", 1))
    description = "What each treatment costs at the clinic, and how to pay."
    fixture_site.write(
        "docs/prices.md", f"---\ndescription: {description}\nhealth_page: false\n---\n\n# Prices\n\nA consultation costs £50.\n"
    )
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    cards = BeautifulSoup(build.page(""), "html.parser").select(".home-topics a.home-topic")
    assert [(card["href"], card.select_one(".home-topic__line").get_text()) for card in cards] == [("prices/", description)]


# A clinic's own wording: correct dermatology prose in British spelling, and one real typo.
DERMATOLOGY_PAGE = """\
---
description: Who can have microneedling, and what to tell the clinic first.
health_page: false
---

# Before your treatment

Microneedling suits Fitzpatrick skin types I–VI, including types IV–VI, where lasers carry a higher risk of
post-inflammatory hyperpigmentation (PIH). Needle depths range from 0.5–2.5 mm; we note the depth in mm.

Tell us if you took isotretinoin (Roaccutane) in the last six months, or use tretinoin. Transient erythema and
oedema are expected for 24–48 hours. If you are prone to keloids or herpes simplex (HSV-1), you may need
aciclovir first. We combine it with PRP for acne vulgaris scarring and striae distensae; the colour evens out.

Stop your retinoids three days before, and tell us about any medicaton you take.
"""


def test_dermatology_prose_gives_no_false_finding_and_a_real_typo_is_reported_with_a_suggestion(fixture_site: FixtureSite) -> None:
    terminology = fixture_site.root / "terminology.yml"
    terminology.write_text(re.sub(r"variant: en-\w+", "variant: en-GB", terminology.read_text(encoding="utf-8")), encoding="utf-8")
    fixture_site.write("docs/index.md", DERMATOLOGY_PAGE)
    check = run_cli(cwd=fixture_site.root)
    line = DERMATOLOGY_PAGE.splitlines().index("Stop your retinoids three days before, and tell us about any medicaton you take.") + 1
    column = DERMATOLOGY_PAGE.splitlines()[line - 1].index("medicaton") + 1
    findings = re.findall(r"(?m)^\w+ +- +\w+: (docs/index\.md:\d+:\d+: .*)$", check.stdout)
    assert findings == [
        f'docs/index.md:{line}:{column}: "medicaton" is not in the British English dictionary, the skin-care word list or the '
        'clinic\'s accepted words. Did you mean "medication"? If "medicaton" is right, add it to accepted_words in terminology.yml '
        "(all pages) or in this page's front matter."
    ], check.stdout


def test_a_page_file_named_with_spaces_and_signs_is_reported_with_the_name_to_use(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/Prices & FAQ.md", "---\ndescription: What each treatment costs.\nhealth_page: false\n---\n\n# Prices\n")
    fixture_site.write("docs/préparation.md", "---\ndescription: How to get ready.\nhealth_page: false\n---\n\n# Getting ready\n")
    check = run_cli(cwd=fixture_site.root)
    assert "docs/Prices & FAQ.md:1:1: The file name `Prices & FAQ.md` has spaces or signs" in check.stdout, check.stdout
    assert "Rename the file to `prices-faq.md`, and change its line under `nav:`" in check.stdout
    assert "Rename the file to `preparation.md`" in check.stdout
    assert "docs/index.md:1:1: The file name" not in check.stdout


def test_a_logo_path_that_names_no_file_is_an_error_at_its_line_in_the_build_and_the_check(fixture_site: FixtureSite) -> None:
    fixture_site.set_clinic(logo="assets/our-logo.png")  # the clinic typed the name before uploading the file
    line = next(number for number, text in enumerate(clinic_yml_lines(fixture_site), start=1) if text.startswith("logo:"))
    expected = f"clinic.yml:{line}:1: The logo `assets/our-logo.png` is not a file in docs/"
    build = fixture_site.build("--strict")
    assert build.returncode != 0 and expected in build.output and "Traceback" not in build.output, build.output
    assert expected in run_cli(cwd=fixture_site.root).stdout


def test_a_page_saved_with_windows_line_ends_keeps_its_front_matter_out_of_sight(fixture_site: FixtureSite) -> None:
    page = "---\ntitle: Prices\ndescription: What each treatment costs.\nhealth_page: false\n---\n\n# Prices\n\nA consultation costs £50.\n"
    (fixture_site.root / "docs" / "index.md").write_bytes(page.replace("\n", "\r\n").encode("utf-8"))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output  # no warning asking for the review, Key points or description it has
    article = BeautifulSoup(build.page(""), "html.parser").select_one("article").get_text(" ")
    assert "health_page" not in article and "description:" not in article


def test_health_page_false_in_quotes_stops_at_its_line_instead_of_asking_for_itself(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", '---\ndescription: What each treatment costs.\nhealth_page: "false"\n---\n\n# Prices\n')
    check = run_cli(cwd=fixture_site.root)
    assert 'docs/index.md:3:14: `health_page: "false"` is text, not the value true or false. Write `health_page: false` without quotes' in (
        check.stdout + check.stderr
    ), check.stdout + check.stderr
    assert "Traceback" not in check.stderr


def test_a_link_to_a_renamed_page_is_reported_at_its_line_with_the_new_name(fixture_site: FixtureSite) -> None:
    # The clinic renamed aftercare.md to after-care.md; a page in a sub-folder still links to the old name.
    fixture_site.write("docs/after-care.md", "---\ndescription: Aftercare.\nhealth_page: false\n---\n\n# Aftercare\n")
    page = (
        "---\ndescription: Questions.\nhealth_page: false\n---\n\n# Questions\n\n"
        "Read [how to look after your skin](../aftercare.md) and [our welcome](../index.md#welcome).\n\n"
        "```markdown\n[an example](nowhere.md)\n```\n"
    )
    fixture_site.write("docs/faq/questions.md", page)
    check = run_cli(cwd=fixture_site.root)
    line = page.splitlines().index(next(text for text in page.splitlines() if "../aftercare.md" in text)) + 1
    column = page.splitlines()[line - 1].index("../aftercare.md") + 1
    found = re.findall(r"(docs/[\w/.-]+:\d+:\d+): The link to `([^`]+)` leads to no page or file in docs/", check.stdout)
    assert found == [(f"docs/faq/questions.md:{line}:{column}", "../aftercare.md")], check.stdout
    assert "Did you mean `../after-care.md`? Correct the link, or remove it." in check.stdout


def test_a_clinic_reached_by_email_only_builds_without_any_phone_label_or_call_button(fixture_site: FixtureSite) -> None:
    kept = [line for line in clinic_yml_lines(fixture_site) if not line.startswith("phone:")]
    (fixture_site.root / "clinic.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides", fixture_site.root / "overrides")
    config = FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    fixture_site.write("mkdocs.yml", config)
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "contact: true\n---\n\n#", 1))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    html = build.page("")
    phone_label = yaml.safe_load((ROOT / "kit" / "strings" / "en.yml").read_text(encoding="utf-8"))["contact"]["phone"]
    assert "tel:" not in html and phone_label not in BeautifulSoup(html, "html.parser").get_text()
    assert load_clinic(fixture_site.root / "clinic.yml").email in html


def test_opening_hours_listed_one_day_per_line_read_as_one_line(fixture_site: FixtureSite) -> None:
    kept = [line for line in clinic_yml_lines(fixture_site) if not line.startswith("opening_hours:")]
    hours = "opening_hours:\n  - Monday to Friday, 9:00 to 18:00\n  - Saturday, 10:00 to 14:00\n"
    (fixture_site.root / "clinic.yml").write_text("\n".join(kept) + "\n" + hours, encoding="utf-8")
    clinic = load_clinic(fixture_site.root / "clinic.yml")
    assert clinic.opening_hours == "Monday to Friday, 9:00 to 18:00; Saturday, 10:00 to 14:00"


def test_a_clinic_whose_only_website_is_this_site_gets_the_sites_address_as_its_website(fixture_site: FixtureSite) -> None:
    kept = [line for line in clinic_yml_lines(fixture_site) if not line.startswith("website")]
    (fixture_site.root / "clinic.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "contact: true\n---\n\n#", 1))
    config = fixture_site.root / "mkdocs.yml"  # the kit's templates, for the footer
    with_templates = config.read_text(encoding="utf-8").replace("theme:\n", f"theme:\n  custom_dir: {ROOT / 'overrides'}\n", 1)
    config.write_text(with_templates, encoding="utf-8")
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    site_url = yaml.safe_load((fixture_site.root / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])["site_url"]
    page = BeautifulSoup(build.page(""), "html.parser")
    assert page.select_one(f".clinic-contact a[href='{site_url}']") is not None
    assert page.select_one(f".clinic-footer a[href='{site_url}']") is not None
    scripts = [json.loads(script.string) for script in page.select("script[type='application/ld+json']")]
    publisher = next(data["publisher"] for data in scripts if "publisher" in data)
    assert publisher["url"] == site_url
