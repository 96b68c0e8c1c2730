"""Nothing unsafe reaches a patient: hostile or careless input, case by case, on a fixture site of the test's own.

Each case either stops the build with a message at its place (file:line:col,
what is wrong, what to do, no traceback) or ends in safe output, read from
the built HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build
from hostile_site import PAGE, TERMINOLOGY, HostileSite

SCRIPT = "<script>alert(1)</script>"


def line_of(path: Path, needle: str) -> int:
    """The line of a file that holds `needle` (1-based)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {path}")


def stopped_at(build: Build, where: str, words: str) -> None:
    """The build failed with the editor's message at `where` (file:line:col), saying `words`, without a traceback."""
    assert build.returncode != 0, build.output
    assert re.search(rf"{re.escape(where)}: [^\n]*{re.escape(words)}", build.output), build.output
    assert "Traceback" not in build.output, build.output


# ---- 1 and 4: text from clinic.yml and from front matter is printed escaped wherever a template prints it ----


@pytest.fixture(scope="module")
def hostile_text_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = HostileSite(tmp_path_factory.mktemp("hostile-text"))
    site.clinic(name=f"Evil {SCRIPT} Clinic", opening_hours=f"Mon {SCRIPT}", address=[f"1 <b>Road</b> {SCRIPT}"])
    site.write(
        "docs/index.md",
        PAGE.replace("description: What to expect at the clinic.", "description: '\"><script>alert(2)</script> x'").replace(
            "---\nreviewed", '---\ntitle: "Visit <img src=x onerror=alert(3)>"\nreviewed'
        ),
    )
    build = site.build()
    assert build.returncode == 0, build.output
    return build


def test_a_clinic_name_with_a_script_is_escaped_in_the_footer_copyright_and_everywhere_else(hostile_text_site: Build) -> None:
    html = hostile_text_site.page("")
    assert "<script>alert" not in html
    assert "© Evil &lt;script&gt;alert(1)&lt;/script&gt; Clinic" in html  # the copyright line Material prints
    assert 'class="clinic-footer__name">Evil &lt;script&gt;' in html


def test_a_front_matter_title_and_description_cannot_break_out_of_the_page_head(hostile_text_site: Build) -> None:
    html = hostile_text_site.page("")
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt; x">' in html
    assert "<title>Visit &lt;img src=x onerror=alert(3)&gt; - Harbour Lane skin care</title>" in html
    search = (hostile_text_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in search and "<img src=x" not in search


# ---- 2: only https for the clinic's links; never javascript: or data: ----

UNSAFE_LINKS = {
    "a javascript: booking link": ("booking_url", "javascript:alert(document.domain)", "demo", "is a `javascript:` link"),
    "a data: website": ("website", "data:text/html,<script>alert(1)</script>", "demo", "is a `data:` link"),
    "a javascript: link hidden by a tab": ("booking_url", "java\tscript:alert(1)", "demo", "is a `javascript:` link"),
    "an http website on a live site": ("website", "http://harbourlane-dermatology.co.uk/", "live", "is an http: address"),
    "an address that breaks out of its attribute": ("booking_url", 'https://hl.co.uk/"><script>', "demo", "character web addresses"),
    "a website without https://": ("website", "harbourlane-dermatology.co.uk", "demo", "is not a full web address"),
}


@pytest.mark.parametrize("case", UNSAFE_LINKS, ids=[name.replace(" ", "-") for name in UNSAFE_LINKS])
def test_a_clinic_link_that_is_not_https_stops_the_build_at_its_line(tmp_path: Path, case: str) -> None:
    key, value, mode, words = UNSAFE_LINKS[case]
    site = HostileSite(tmp_path)
    site.clinic(**{key: value, "mode": mode})
    published = site.write("site/index.html", "the last good build")
    build = site.build()
    stopped_at(build, f"clinic.yml:{line_of(tmp_path / 'clinic.yml', key + ':')}:1", words)
    assert published.read_text(encoding="utf-8") == "the last good build"


def test_an_http_website_is_a_warning_on_a_demonstration_site(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.clinic(website="http://harbourlane-dermatology.co.uk/")
    build = site.build()
    assert build.returncode == 0
    assert re.search(r"WARNING +-  links: clinic.yml:\d+:1: `website`: [^\n]*is an http: address", build.output), build.output


# ---- 4: raw HTML, script and javascript: links in a page ----

RAW_HTML = {
    "a script": ("Before <script>alert(1)</script> after.", "<script>", "would run a script"),
    "an iframe": ('<iframe src="https://tracker.example/"></iframe>', "<iframe", "`<iframe>` is HTML written into the page"),
    "an image that runs code": ("<img src=x onerror=alert(1)>", "onerror", "`onerror=` runs a script"),
    "a javascript: link": ("[Book now](javascript:alert(1))", "javascript:", "is a `javascript:` link"),
    "a javascript: link in entities": ('[Book](jav&#x61;script:alert(1) "x")', "jav&#x61;", "is a `javascript:` link"),
    "a data: picture link": ("![Before](data:text/html;base64,PHNjcmlwdD4=)", "data:", "is a `data:` link"),
    "an event in an attribute list": ('[Book](https://harbourlane.co.uk/){ onclick="alert(1)" }', "onclick", "`onclick=` runs a script"),
    "a script after a comment browsers close early": ("<!--><script>alert(1)</script><!-- -->", "<script>", "would run a script"),
}


@pytest.mark.parametrize("case", RAW_HTML, ids=[name.replace(" ", "-") for name in RAW_HTML])
def test_html_and_script_in_a_page_are_refused_at_their_place(tmp_path: Path, case: str) -> None:
    written, at, words = RAW_HTML[case]
    site = HostileSite(tmp_path)
    page = site.write("docs/index.md", PAGE + "\n" + written + "\n")
    line = line_of(page, written)
    column = page.read_text(encoding="utf-8").splitlines()[line - 1].index(at) + 1
    build = site.build("--strict")
    stopped_at(build, f"docs/index.md:{line}:{column}", words)


def test_html_in_code_and_comments_is_not_html(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.write("docs/index.md", PAGE + "\nWrite `<b>` for bold.\n\n<!-- termcheck off -->\n")
    build = site.build("--strict")
    assert build.returncode == 0, build.output


def test_a_reviewed_exception_allows_one_tag_on_one_page_and_never_a_script(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.write("docs/index.md", PAGE + "\nPrices from £90<sup>1</sup>.\n")
    site.config("extra:\n  html_exceptions:\n    - page: index.md\n      tag: sup\n      reviewed_by: Dr Ada Lovell, 2026-11-20\n")
    assert site.build("--strict").returncode == 0
    site.config("extra:\n  html_exceptions:\n    - page: index.md\n      tag: script\n      reviewed_by: Dr Ada Lovell, 2026-11-20\n")
    stopped_at(site.build("--strict"), "mkdocs.yml:19:7", "`<script>` cannot be allowed")
    site.config("extra:\n  html_exceptions:\n    - page: index.md\n      tag: sup\n")
    stopped_at(site.build("--strict"), "mkdocs.yml:18:7", "who reviewed it (`reviewed_by`)")


# ---- 5: the call button dials the number the clinic typed ----

PHONES = {
    "+44 (0)20 7946 1234": "tel:+442079461234",
    "0800 SKIN CARE": "tel:080075462273",
    "+1 212 555 0142 ext. 12": "tel:+12125550142;ext=12",
    "020 7946 1234 x 5": "tel:02079461234;ext=5",
}


@pytest.mark.parametrize("typed", PHONES)
def test_the_call_button_dials_the_number_as_typed(tmp_path: Path, typed: str) -> None:
    site = HostileSite(tmp_path)
    site.clinic(phone=typed)
    build = site.build()
    assert build.returncode == 0, build.output
    html = build.page("")
    assert f'class="clinic-action clinic-action--call" href="{PHONES[typed]}"' in html
    assert f'<a href="{PHONES[typed]}">{typed}</a>' in html  # the contact block shows it as typed


UNDIALABLE = {
    "+44 20 79": "is not a number a phone can dial",
    "+44 20 7946 1234 5678 9": "is not a number a phone can dial",
    "call us on 0800": "has characters a phone number does not have",
}


@pytest.mark.parametrize("typed", UNDIALABLE)
def test_a_number_no_phone_can_dial_stops_the_build_at_its_line(tmp_path: Path, typed: str) -> None:
    site = HostileSite(tmp_path)
    site.clinic(phone=typed)
    stopped_at(site.build(), f"clinic.yml:{line_of(tmp_path / 'clinic.yml', 'phone:')}:1", UNDIALABLE[typed])


# ---- 3: files from outside the repository are never published ----


@pytest.mark.parametrize("leads_to", ["file", "folder", "nowhere"])
def test_a_link_in_docs_leading_out_of_the_project_stops_the_build_before_anything_is_copied(tmp_path: Path, leads_to: str) -> None:
    outside = tmp_path / "outside"
    (outside / "private").mkdir(parents=True)
    (outside / "private" / "passwords.txt").write_text("secret\n", encoding="utf-8")
    site = HostileSite(tmp_path / "project")
    target = {"file": outside / "private" / "passwords.txt", "folder": outside / "private", "nowhere": outside / "gone"}[leads_to]
    (site.root / "docs" / "assets" / "notes.txt").symlink_to(target)
    (site.root / "docs" / "assets" / "inside.svg").symlink_to(site.root / "docs" / "assets" / "logo.svg")  # within: fine
    published = site.write("site/index.html", "the last good build")
    build = site.build()
    stopped_at(build, "docs/assets/notes.txt:1:1", f"This is a link to {target}")
    assert published.read_text(encoding="utf-8") == "the last good build"
    assert not list((site.root / "site").rglob("passwords.txt"))


# ---- 8: a review is never dated after today ----


@pytest.mark.parametrize("mode", ["demo", "live"])
def test_a_review_dated_after_today_stops_the_build_at_its_line(tmp_path: Path, mode: str) -> None:
    site = HostileSite(tmp_path)
    site.clinic(mode=mode)
    page = site.write(
        "docs/index.md",
        PAGE.replace("reviewed: 2026-11-01\nnext_review: 2027-11-01", "reviewed: 2031-06-01\nnext_review: 2032-06-01\nreviewer: Dr Lovell"),
    )
    build = site.build("--strict")
    stopped_at(build, f"docs/index.md:{line_of(page, 'reviewed: 2031')}:11", "`reviewed: 2031-06-01` is after today (2026-11-24)")


# ---- 10: silent wrongs made loud ----


def test_a_detail_written_twice_in_clinic_yml_stops_the_build_at_the_second(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    clinic = tmp_path / "clinic.yml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + "phone: +44 20 7946 0000\n", encoding="utf-8")
    first, second = [n for n, line in enumerate(clinic.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("phone:")]
    stopped_at(site.build(), f"clinic.yml:{second}:1", f"`phone` is written twice (first on line {first})")


def test_a_field_written_twice_in_front_matter_stops_the_build_at_the_second(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    page = site.write("docs/index.md", PAGE.replace("contact: true\n", "contact: true\nreviewed: 2026-11-02\n"))
    second = line_of(page, "reviewed: 2026-11-02")
    stopped_at(site.build(), f"docs/index.md:{second}:1", f"`reviewed` is written twice (first on line {line_of(page, 'reviewed:')})")


@pytest.mark.parametrize("logo", ["../clinic.yml", "/etc/hostname"])
def test_a_logo_outside_docs_is_refused_at_its_line(tmp_path: Path, logo: str) -> None:
    site = HostileSite(tmp_path)
    site.clinic(logo=logo)
    build = site.build("--strict")
    assert build.returncode != 0
    line = line_of(tmp_path / "clinic.yml", "logo:")
    assert re.search(rf"clinic.yml:{line}:\d+: The logo `{re.escape(logo)}` is not a file in docs/", build.output), build.output
    assert "Traceback" not in build.output


@pytest.mark.parametrize("phrase", ["Dr. Google", "(guaranteed)"])
def test_an_avoided_phrase_with_a_full_stop_or_brackets_is_found(tmp_path: Path, phrase: str) -> None:
    site = HostileSite(tmp_path)
    site.terminology(
        {**TERMINOLOGY, "terms": [*TERMINOLOGY["terms"], {"term": "results", "avoid": [{"phrase": phrase, "level": "error"}]}]}
    )
    page = site.write("docs/index.md", PAGE + f"\nAsk us, not {phrase} results.\n")
    column = page.read_text(encoding="utf-8").splitlines()[line_of(page, phrase) - 1].index(phrase) + 1
    stopped_at(site.build("--strict"), f"docs/index.md:{line_of(page, phrase)}:{column}", f'Avoid "{phrase}"')


# ---- 6: a link to a file in docs/ is the site's web address in the PDFs, and printed ----


def test_a_pdf_link_to_a_file_of_the_site_is_its_web_address_printed_after_it(tmp_path: Path) -> None:
    from pdftext import read_pdf

    site = HostileSite(tmp_path)
    site.with_brochure()
    site.write("docs/assets/consent.txt", "The consent form.\n")
    page = site.write(
        "docs/index.md",
        PAGE + "\nRead the [consent form](assets/consent.txt) before you come.\n\n![A clinic room](https://images.example.org/room.png)\n",
    )
    build = site.build()
    assert build.returncode == 0, build.output
    # 11: the picture the PDFs leave out is named once (not once per PDF), at its line.
    refused = re.findall(r"brochure: (\S+): The brochure would load https://images.example.org/room.png", build.output)
    line = line_of(page, "room.png")
    assert refused == [f"docs/index.md:{line}:{page.read_text(encoding='utf-8').splitlines()[line - 1].index('https') + 1}"], build.output
    address = "https://harbour-lane.github.io/skin/assets/consent.txt"
    pdfs = sorted(build.site.glob("*.pdf"))
    assert len(pdfs) == 5, pdfs  # brochure, booklet, handout, and the large-print brochure and handout
    for pdf in pdfs:
        reader, pages = read_pdf(pdf)
        links = [str(a.get_object()["/A"].get("/URI")) for page in reader.pages for a in page.get("/Annots", []) if "/A" in a.get_object()]
        if "booklet" not in pdf.name:  # the folded booklet's imposed sheets carry no links
            assert address in links, (pdf.name, links)
        assert not [link for link in links if link.startswith("file:")], (pdf.name, links)
        printed = re.sub(r"\s+", "", " ".join(page.body_text + page.margin_text for page in pages))
        assert "(harbour-lane.github.io/skin/assets/consent.txt)" in printed, (pdf.name, printed)


# ---- 11: messages that said the wrong thing, or crashed ----


def test_a_word_known_only_with_capitals_is_not_suggested_as_itself(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.terminology({**TERMINOLOGY, "accepted_words": ["Dermapen"]})
    page = site.write("docs/index.md", PAGE + "\nWe use a dermapen.\n")
    build = site.build("--strict")
    stopped_at(build, f"docs/index.md:{line_of(page, 'dermapen')}:10", '"dermapen" is known only with its capitals, as "Dermapen"')
    assert 'Did you mean "Dermapen"' not in build.output


def test_a_typo_with_ae_in_it_is_a_typo_not_a_british_spelling(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    page = site.write("docs/index.md", PAGE + "\nThe skin haeals in a week.\n")
    build = site.build("--strict")
    stopped_at(build, f"docs/index.md:{line_of(page, 'haeals')}:10", 'Did you mean "heals"?')
    assert "British" not in build.output


def test_the_check_refuses_a_handout_page_the_nav_lacks_as_the_build_does(tmp_path: Path) -> None:
    from test_termcheck import run_cli

    site = HostileSite(tmp_path)
    site.with_brochure()
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("handout: index.md", "handout: after-care.md"), encoding="utf-8")
    check = run_cli(cwd=tmp_path)
    where = f"mkdocs.yml:{line_of(config, 'handout:')}:5"
    assert check.returncode == 2, check.stdout
    assert f"{where}: The handout page `after-care.md` is not in the navigation" in check.stdout, check.stdout
    build = site.build()
    assert build.returncode != 0 and f"{where}: The handout page `after-care.md` is not in the navigation" in build.output


def test_the_check_and_the_build_name_a_language_material_has_no_words_for_at_its_line(tmp_path: Path) -> None:
    """Material's search plugin would stop the build with a traceback; hooks.py stops it first, at the setting."""
    from test_termcheck import run_cli

    site = HostileSite(tmp_path)
    config = site.write(
        "mkdocs.yml", (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  language: xx\n")
    )
    check = run_cli(cwd=tmp_path)
    assert check.returncode == 2 and "Traceback" not in check.stdout + check.stderr
    message = f"mkdocs.yml:{line_of(config, 'language:')}:3: `language: xx` is not a language Material for MkDocs has words for"
    assert message in check.stdout
    build = site.build()
    assert build.returncode != 0 and message in build.output, build.output
    assert "Traceback" not in build.output and 'File "' not in build.output, build.output


def test_a_clinic_name_of_spaces_is_missing_at_its_own_line(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.clinic(name="   ")
    stopped_at(site.build(), f"clinic.yml:{line_of(tmp_path / 'clinic.yml', 'name:')}:1", "The clinic's `name` is missing")


def test_a_docs_folder_that_is_itself_a_link_out_of_the_project_stops_the_build(tmp_path: Path) -> None:
    site = HostileSite(tmp_path / "project")
    outside = tmp_path / "elsewhere"
    (site.root / "docs").rename(outside)
    (site.root / "docs").symlink_to(outside)
    stopped_at(site.build(), "docs:1:1", f"This is a link to {outside}")


def test_a_clinic_name_written_as_a_markdown_link_is_plain_text_on_the_about_page(tmp_path: Path) -> None:
    """The About page is Markdown the build writes: a value from clinic.yml in it is shown as written, never read as markup."""
    from kit.data.urls import ABOUT_FILE

    site = HostileSite(tmp_path)
    site.clinic(name="[Click here](javascript:alert(1)) *Skin* Clinic")
    build = site.build()
    assert build.returncode == 0, build.output
    about = BeautifulSoup((tmp_path / "site" / ABOUT_FILE.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = about.select_one("article")
    assert article is not None
    assert not [a for a in article.select("a[href]") if "javascript" in a["href"].lower()], article
    assert article.select_one("em") is None, article
    assert "[Click here](javascript:alert(1)) *Skin* Clinic" in article.get_text(), article


def test_html_in_the_clinics_own_about_section_stops_the_build_at_its_line(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.write("how-we-work.md", "We review every page.\n\n<script>alert(1)</script>\n")
    stopped_at(site.build(), "how-we-work.md:3:1", "`<script>`")
