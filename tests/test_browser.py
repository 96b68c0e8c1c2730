"""The site as patients meet it: in a real Chromium, served like GitHub Pages serves it.

The built site is served on a free loopback port under its `site_url` path
(`/microneedling/`), with gzip. Pages are found in the built site's own
navigation (`sitebrowser.site_pages`), so a new page is tested without editing
this file. One browser for the whole run; one tab per viewport and palette,
reused from test to test (the machine is small and shared).

When a test here fails, phone and desktop screenshots of the pages it was
looking at are saved under `test-results/<test name>/`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import CLINIC, DOCS, MEASURED, NAV_PAGES, NAV_SECTIONS, ROOT, Build, FixtureSite, front_matter, url_of
from playwright.sync_api import Browser, Locator, Page
from sitebrowser import AXE_JS, PHONE, SitePage, SiteServer, first_view, site_pages, site_path

from kit.wording.terminology import PatientWords, load_terminology

RESULTS = ROOT / "test-results"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": PHONE,
}
SCHEMES = {"light": "default", "dark": "slate"}  # the browser's preference -> Material's palette
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BUDGET_BYTES = 100 * 1024
BUDGET_REQUESTS = 8


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pages(real_site: Build) -> list[SitePage]:
    found = site_pages(real_site.site)
    assert len(found) >= 2, "no pages found in the built site's navigation"
    return found


@pytest.fixture(scope="session")
def nav_pages(pages: list[SitePage]) -> list[SitePage]:
    """The pages in the site's navigation (everything but the print page)."""
    return [page for page in pages if page.path != "print_page/"]


class Tabs:
    """One reusable tab per (viewport, palette): opened on first use, closed at the end of the run."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.open: dict[tuple[str, str], Page] = {}

    def __call__(self, viewport: str, scheme: str = "light") -> Page:
        if (viewport, scheme) not in self.open:
            context = self.browser.new_context(**VIEWPORTS[viewport], color_scheme=scheme)
            context.set_default_timeout(15_000)
            self.open[viewport, scheme] = context.new_page()
        return self.open[viewport, scheme]

    def close(self) -> None:
        for page in self.open.values():
            page.context.close()


@pytest.fixture(scope="session")
def tabs(browser: Browser):
    opened = Tabs(browser)
    yield opened
    opened.close()


class Evidence:
    """Pages a test looked at; photographed (phone and desktop) if the test fails."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.scheme = "light"

    def look_at(self, url: str) -> str:
        if url not in self.pages:
            self.pages.append(url)
        return url


@pytest.fixture
def evidence(request: pytest.FixtureRequest, browser: Browser, tabs: Tabs):
    seen = Evidence()
    yield seen
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    folder = RESULTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for (viewport, scheme), tab in tabs.open.items():  # the tabs as the test left them
        tab.screenshot(path=folder / f"at-failure-{viewport}-{scheme}.png")
    for viewport in VIEWPORTS:
        context = browser.new_context(**VIEWPORTS[viewport], color_scheme=seen.scheme)
        tab = context.new_page()
        for url in seen.pages:
            tab.goto(url, wait_until="load")
            slug = re.sub(r"[^\w.-]+", "_", urlparse(url).path.strip("/")) or "home"
            tab.screenshot(path=folder / f"{slug}-{viewport}-{seen.scheme}.png", full_page=True)
        context.close()
    print(f"Screenshots of the failing pages: {folder}")


# --- search ---------------------------------------------------------------------------------


def search(tab: Page, server: SiteServer, term: str, start: str = "") -> list[str]:
    """Type a term into the search box of a page (the home page); the addresses of the results it shows."""
    tab.goto(server.url(start), wait_until="load")
    opener = tab.locator("label.md-header__button[for='__search']").first
    box = tab.locator("input.md-search__input")
    (opener if opener.is_visible() else box).click()  # phones have a search button; desktops show the box
    box.press_sequentially(term)  # typed key by key, as a patient does (Material ignores a pasted value)
    meta = tab.locator(".md-search-result__meta")
    tab.wait_for_function("() => !/Initializing|Type to start/i.test(document.querySelector('.md-search-result__meta').textContent)")
    links = tab.locator(".md-search-result__item > a.md-search-result__link")
    assert meta.is_visible(), f"the search results are not shown for {term!r}"
    return [links.nth(i).evaluate("a => a.href") for i in range(links.count())]


def test_a_translated_page_searches_its_own_language(tabs: Tabs, server: SiteServer, real_site: Build) -> None:
    """Each language's pages search their own index, stemmed in their language; a Spanish word finds Spanish pages only there."""
    folders = [path for path in translated_pages(real_site.site) if path.count("/") == 1]  # each language's home: es/
    if not folders:
        pytest.skip("a site in one language: no language switcher on its home page")
    for folder in folders:
        index = json.loads((real_site.site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        english = (real_site.site / "search" / "search_index.json").read_text(encoding="utf-8").lower()
        word = next(w for doc in index["docs"] for w in re.findall(r"[^\W\d_]{9,}", doc["text"].lower()) if w not in english)
        found = search(tabs("desktop"), server, word, folder)
        assert found and all(page_of(url, server).startswith(folder) for url in found), (word, found)
        assert not search(tabs("desktop"), server, word), f"the home page's search finds {word!r} of another language"


def page_of(url: str, server: SiteServer) -> str:
    """`who-it-suits/` for http://127.0.0.1:PORT/microneedling/who-it-suits/?h=...#..."""
    return urlparse(url).path.removeprefix(server.prefix)


def terms_to_try() -> list[tuple[str, str]]:
    """Three glossary terms of terminology.yml (a phrase among them) and a page that uses each, read from the pages."""
    texts = {(url_of(source) + "/" if url_of(source) else ""): (DOCS / source).read_text(encoding="utf-8").lower() for source in NAV_PAGES}
    terms = [term.term.lower() for term in load_terminology(ROOT / "terminology.yml").terms]
    found = {}
    for term in sorted(terms, key=lambda term: " " not in term):  # phrases first: one is tried
        page = next((url for url, text in texts.items() if re.search(rf"\b{re.escape(term)}\b", text)), None)
        if page is not None and page not in found.values():
            found[term] = page
    return list(found.items())[:3]


@pytest.mark.parametrize(("term", "expected_page"), terms_to_try())
def test_searching_finds_the_right_page_and_highlights_the_term_there(
    tabs: Tabs, server: SiteServer, evidence: Evidence, term: str, expected_page: str
) -> None:
    tab = tabs("desktop")
    evidence.look_at(server.url())
    results = search(tab, server, term)
    assert expected_page in [page_of(url, server) for url in results], f"{term!r} found only {results}"

    highlighted = [url for url in results if page_of(url, server) == expected_page and parse_qs(urlparse(url).query).get("h") == [term]]
    assert highlighted, f"no result links to {expected_page or 'the home page'} with the term to highlight: {results}"
    link = highlighted[0]
    tab.locator(".md-search-result__item > a.md-search-result__link").nth(results.index(link)).click()
    tab.wait_for_url(lambda url: page_of(url, server) == expected_page)
    evidence.look_at(tab.url)
    tab.wait_for_selector("article mark", state="attached")
    marked = {text.lower() for text in tab.locator("article mark").all_text_contents()}
    for word in term.split():
        assert any(word in text for text in marked), f"{word!r} is not highlighted on {tab.url}: {marked}"
    assert tab.locator("article mark").first.is_visible()


def patient_words_to_try() -> list[tuple[str, PatientWords]]:
    """From terminology.yml: each entry's first word and first phrase of two or more words ("dark spots")."""
    tried = []
    for entry in load_terminology(ROOT / "terminology.yml").patient_words:
        phrases = [word for word in entry.words if " " in word]
        tried += [(word, entry) for word in dict.fromkeys([entry.words[0], *phrases[:1]])]
    return tried


def heading_text(real_site: Build, page: str, anchor: str) -> str:
    """A heading's words as the search index titles it (its ¶ link left out)."""
    soup = BeautifulSoup(real_site.page(page.rstrip("/")), "html.parser")
    heading = soup.find(id=anchor)
    assert heading is not None, f"no heading #{anchor} on {page or 'the home page'}"
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    return " ".join(heading.get_text(" ").split())


@pytest.mark.parametrize(("word", "entry"), patient_words_to_try(), ids=lambda value: value if isinstance(value, str) else "")
def test_on_a_phone_searching_a_patients_own_word_finds_the_section_that_answers_it(
    tabs: Tabs, server: SiteServer, real_site: Build, evidence: Evidence, word: str, entry: PatientWords
) -> None:
    """terminology.yml's `patient_words`: "sunscreen" is on no page, yet finds the aftercare page's sun advice."""
    page = "" if entry.page == "index.md" else entry.page.removesuffix(".md").removesuffix("/index") + "/"
    tab = tabs("phone")
    evidence.look_at(server.url())
    results = search(tab, server, word)
    assert page in [page_of(url, server) for url in results], f"{word!r} found only {results}"
    if entry.anchor:
        titles = {
            urlparse(link.evaluate("a => a.href")).fragment: " ".join(link.locator("h1, h2").first.inner_text().split())
            for link in tab.locator(".md-search-result__list a.md-search-result__link").all()
            if page_of(link.evaluate("a => a.href"), server) == page
        }
        assert entry.anchor in titles, f"{word!r}: no result for the section #{entry.anchor}: {titles}"
        assert titles[entry.anchor] == heading_text(real_site, page, entry.anchor), "the result names the section by its heading"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_results_meet_accessibility_rules_too(
    tabs: Tabs, server: SiteServer, evidence: Evidence, viewport: str, scheme: str
) -> None:
    tab = tabs(viewport, scheme)
    evidence.scheme = scheme
    evidence.look_at(server.url())
    search(tab, server, "keloid")
    violations = axe_violations(tab)
    assert not violations, describe(violations)


# --- no third parties -----------------------------------------------------------------------


def requests_leaving(browser: Browser, server: SiteServer, urls: list[str]) -> dict[str, list[str]]:
    """Load each page with every request logged; those to anywhere but the local server, by page.

    Requests elsewhere are logged and blocked, so the test never reaches the internet
    (routing also sees requests from the search worker).
    """
    context = browser.new_context(**VIEWPORTS["desktop"])
    outside: dict[str, list[str]] = {}
    current = {"page": ""}
    seen: list[str] = []

    def check(route) -> None:
        url = route.request.url
        seen.append(url)
        if url.startswith(server.origin + "/"):
            route.continue_()
        else:
            outside.setdefault(current["page"], []).append(url)
            route.abort()

    context.route("**/*", check)
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server.origin + "/", "data:", "blob:"))
            else outside.setdefault(current["page"], []).append(request.url)
        ),
    )
    tab = context.new_page()
    tab.on("websocket", lambda ws: outside.setdefault(current["page"], []).append(ws.url))
    for url in urls:
        current["page"] = url
        tab.goto(url, wait_until="networkidle")
    context.close()
    assert seen, "no request was logged: the request log is not working"
    return {page: sorted(set(found)) for page, found in outside.items()}


def test_no_page_makes_a_request_to_anyone_but_the_clinics_site(
    browser: Browser, server: SiteServer, pages: list[SitePage], evidence: Evidence
) -> None:
    urls = [evidence.look_at(server.url(page.path)) for page in pages]
    outside = requests_leaving(browser, server, urls)
    assert not outside, json.dumps(outside, indent=2)


# --- accessibility --------------------------------------------------------------------------


def axe_violations(tab: Page) -> list[dict]:
    """axe-core's violations for the page as it is now (WCAG 2.0-2.2 A/AA and best practice)."""
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    return tab.evaluate(
        """async (tags) => {
            // Judge the settled page: a color mid-transition is not what a patient reads.
            const settled = Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
            await Promise.race([settled, new Promise(done => setTimeout(done, 2000))]);
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return results.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), why: n.failureSummary}))
            }));
        }""",
        AXE_TAGS,
    )


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['rule']} ({v['impact']}): {v['help']}\n" + "\n".join(f"    {n['target']}: {n['why']}" for n in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_axe_accessibility_rules(
    tabs: Tabs, server: SiteServer, pages: list[SitePage], evidence: Evidence, viewport: str, scheme: str
) -> None:
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run `make test` (it installs axe-core with npm ci)"
    tab = tabs(viewport, scheme)
    evidence.scheme = scheme
    problems = []
    for page in pages:
        tab.goto(server.url(page.path), wait_until="load")
        palette = tab.evaluate("document.body.dataset.mdColorScheme")
        assert palette == SCHEMES[scheme], f"{page.path}: expected the {SCHEMES[scheme]} palette, got {palette}"
        violations = axe_violations(tab)
        if violations:
            evidence.look_at(tab.url)
            problems.append(f"--- {page.path or 'home'} at {viewport}, {scheme}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def translated_pages(site: Path) -> list[str]:
    """Every page of each other language's menu (`es/aftercare/`), reached from the home page's language switcher."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    root, own = site_path(site), home.html.get("lang", "")
    found: list[str] = []
    for link in home.select("a.md-select__link[hreflang]"):
        if link["hreflang"] == own:
            continue
        folder = link["href"].removeprefix(root)
        menu = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        for item in menu.select("nav.md-nav--primary a.md-nav__link[href]"):
            href = item["href"]
            if not href.startswith(("#", "http:", "https:", "//", "..")):
                found.append(folder + ("" if href in ("", ".", "./") else href.removeprefix("./")))
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_translated_page_passes_axe_accessibility_rules(
    tabs: Tabs, server: SiteServer, real_site: Build, evidence: Evidence, scheme: str
) -> None:
    """The Spanish pages (every language the switcher offers), at phone width, in both palettes."""
    pages = translated_pages(real_site.site)
    if not pages:
        pytest.skip("a site in one language: no language switcher on its home page")
    tab = tabs("phone", scheme)
    problems = []
    for path in pages:
        tab.goto(server.url(path), wait_until="load")
        assert tab.evaluate("document.documentElement.lang") != "en", path
        if violations := axe_violations(tab):
            evidence.look_at(tab.url)
            problems.append(f"--- {path} ({scheme}):\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_the_phone_menu_is_accessible_when_open(tabs: Tabs, server: SiteServer, evidence: Evidence) -> None:
    tab = tabs("phone")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    open_menu(tab)
    violations = axe_violations(tab)
    assert not violations, describe(violations)


# --- light and dark ---------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_light_dark_switch_follows_the_phone_then_the_patients_choice_on_every_page(
    browser: Browser, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence, scheme: str
) -> None:
    """The kit runs Material's switch itself (overrides/partials/palette.js): the phone's setting first,
    then a tap or Enter switches, and the choice stays on the next page of the same device."""
    other = next(name for name in SCHEMES if name != scheme)
    context = browser.new_context(**VIEWPORTS["phone"], color_scheme=scheme)
    tab = context.new_page()
    palette = "document.body.dataset.mdColorScheme"
    tab.goto(evidence.look_at(server.url(nav_pages[-1].path)), wait_until="load")
    assert tab.evaluate(palette) == SCHEMES[scheme], "the page does not follow the phone's light/dark setting"
    switch = tab.locator("form.md-header__option label:not([hidden])")
    assert switch.count() == 1, "exactly one switch button should show"
    switch.click()
    assert tab.evaluate(palette) == SCHEMES[other], "the switch did not change the colors"
    tab.goto(server.url(nav_pages[0].path), wait_until="load")
    assert tab.evaluate(palette) == SCHEMES[other], "the patient's choice was not kept on the next page"
    tab.locator("form.md-header__option input:checked").focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate(palette) == SCHEMES[scheme], "Enter on the switch did not change the colors back"
    context.close()


# --- phone ----------------------------------------------------------------------------------


def open_menu(tab: Page) -> None:
    tab.locator("label.md-header__button[for='__drawer']").click()
    tab.wait_for_function("() => document.getElementById('__drawer').checked")
    drawer = tab.locator(".md-sidebar--primary")
    tab.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth + 1 }",
        arg=drawer.element_handle(),
    )


# The id of the label that opens the nav section a menu link is in (None for a link at the top level).
IN_SECTION = "a => a.closest('nav.md-nav[data-md-level]:not([data-md-level=\"0\"])')?.getAttribute('aria-labelledby')"


# Whether a tap on the link's middle reaches it (not an open section's panel over it).
ON_TOP = """a => {
  a.scrollIntoView({block: "center"});
  const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.width > 0 && hit !== null && (hit === a || a.contains(hit));
}"""


def reveal_in_phone_menu(tab: Page, link: Locator) -> None:
    """Material's phone menu shows one level at a time: back out of an open section, then into the link's own."""
    for _ in range(4):
        if link.evaluate(ON_TOP):
            return
        back = tab.locator(".md-sidebar--primary nav.md-nav[data-md-level]:not([data-md-level='0']) > label.md-nav__title")
        shown = [back.nth(i) for i in range(back.count()) if back.nth(i).is_visible()]
        if shown:
            shown[-1].click()
        elif section := link.evaluate(IN_SECTION):
            tab.locator(f"label[id='{section}']").click()
        tab.wait_for_timeout(400)  # the menu slides


def horizontal_overflow(tab: Page) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_on_a_phone_the_menu_opens_and_reaches_every_page(
    tabs: Tabs, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence
) -> None:
    tab = tabs("phone")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    assert tab.locator(".md-sidebar--primary").bounding_box()["x"] < 0, "the menu should start closed on a phone"
    for page in [*nav_pages[1:], nav_pages[0]]:
        target = evidence.look_at(server.url(page.path))
        open_menu(tab)
        link = tab.locator(".md-sidebar--primary a.md-nav__link").filter(has_text=page.title)
        visible = [link.nth(i) for i in range(link.count()) if link.nth(i).evaluate("(a, t) => a.href === t", target)]
        assert visible, f"no link to {page.title!r} ({target}) in the phone menu"
        reveal_in_phone_menu(tab, visible[0])
        visible[0].click()
        tab.wait_for_url(target)
        assert tab.locator("article h1").first.is_visible(), f"{target} shows no heading"


def test_no_page_scrolls_sideways_on_a_phone(tabs: Tabs, server: SiteServer, pages: list[SitePage], evidence: Evidence) -> None:
    tab = tabs("phone")
    wide = {}
    for page in pages:
        tab.goto(server.url(page.path), wait_until="load")
        if (extra := horizontal_overflow(tab)) > 0:
            wide[evidence.look_at(tab.url)] = f"{extra} px wider than the 375 px screen"
    assert not wide, wide


# --- phone first: the clinic bar, the logo, the first screen -------------------------------


def test_on_a_phone_the_clinic_bar_is_one_line_of_call_and_book_buttons(
    tabs: Tabs, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence
) -> None:
    """clinic.yml's phone as a call button and its booking link as a button, side by side at 375 px; the name in the header.

    The home page offers the same two buttons in its own first screen instead (tested below).
    """
    tab = tabs("phone")
    with_bar = 0
    for page in nav_pages:
        tab.goto(evidence.look_at(server.url(page.path)), wait_until="load")
        if not tab.locator(".md-banner .clinic-bar").count():
            assert tab.locator("article .home-hero__actions").count(), (
                f"{page.path} offers neither the clinic bar nor the home page's actions"
            )
            continue
        with_bar += 1
        buttons = tab.locator(".md-banner .clinic-bar a")
        boxes = [buttons.nth(i).bounding_box() for i in range(buttons.count())]
        assert len(boxes) == bool(CLINIC["phone"]) + bool(CLINIC["booking_url"]), boxes
        assert max(box["y"] for box in boxes) - min(box["y"] for box in boxes) < 1, f"the clinic bar wraps on {page.path}: {boxes}"
        bar = tab.locator(".md-banner").bounding_box()
        assert bar["height"] <= max(box["height"] for box in boxes) + 24, f"the clinic bar is {bar['height']} px high"
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= 375 for box in boxes), boxes
    assert with_bar >= len(nav_pages) - 1, "only the home page may leave the clinic bar out"
    call = tab.locator(".md-banner .clinic-bar a[href^='tel:']")
    if CLINIC["phone"]:
        assert call.get_attribute("href") == CLINIC["phone_link"]
        assert str(CLINIC["phone"]) in " ".join(call.inner_text().split()), "the button shows the number to call"
        assert tab.evaluate("a => a.textContent.replace(/\\s+/g, ' ').trim()", call.element_handle()).startswith("Call "), (
            "its name says Call"
        )
    else:
        assert call.count() == 0, "no call button without a phone number"
    if CLINIC.get("booking_url"):
        book = tab.locator(f".md-banner .clinic-bar a[href='{CLINIC['booking_url']}']")
        assert book.is_visible() and book.inner_text().strip().startswith("Book")
    name = tab.locator(".md-header .clinic-name")
    assert name.is_visible() and name.inner_text().strip() == CLINIC["name"]


def test_the_logo_has_its_own_width_and_height(tabs: Tabs, server: SiteServer, evidence: Evidence) -> None:
    """Lighthouse: image elements have explicit width and height (the header does not shift as the logo loads)."""
    tab = tabs("desktop")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    logos = tab.locator(f"img[src$='{CLINIC['logo'].rsplit('/', 1)[-1]}']")
    assert logos.count() >= 1
    for i in range(logos.count()):
        size = logos.nth(i).evaluate("img => [img.getAttribute('width'), img.getAttribute('height'), img.naturalWidth, img.naturalHeight]")
        width, height, natural_width, natural_height = size
        assert width and height, f"logo without width and height: {size}"
        assert abs(int(width) / int(height) - natural_width / natural_height) < 0.01, size


def test_on_a_phone_no_empty_band_sits_between_a_title_and_the_first_box(
    tabs: Tabs, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence
) -> None:
    tab = tabs("phone")
    gaps = {}
    for page in nav_pages:
        tab.goto(server.url(page.path), wait_until="load")
        gap = tab.evaluate(
            """() => {
                const h1 = document.querySelector('article h1'), next = h1 && h1.nextElementSibling;
                if (!next) return 0;
                const range = document.createRange(); range.selectNodeContents(h1);
                const lines = [...range.getClientRects()].filter(r => r.width > 0);
                return next.getBoundingClientRect().top - Math.max(...lines.map(r => r.bottom));
            }"""
        )
        if gap > 40:
            gaps[evidence.look_at(tab.url)] = f"{gap:.0f} px of empty space under the title"
    assert not gaps, gaps


# --- the home page -------------------------------------------------------------------------


def first_key_point(real_site: Build, page: SitePage) -> str | None:
    """The first bullet of a built page's "Key points" box, as patients read it."""
    soup = BeautifulSoup(real_site.page(page.path.rstrip("/")), "html.parser")
    for box in soup.select("article .admonition"):
        title = box.select_one(".admonition-title")
        if title and title.get_text(strip=True) == "Key points" and (bullet := box.select_one("li")):
            return " ".join(bullet.get_text(" ").split())
    return None


def card_line(real_site: Build, page: SitePage) -> str | None:
    """What a page's card on the home page says: its first Key point, or its `description` when it has none."""
    sources = {url_of(source) + "/" if url_of(source) else "": source for source in NAV_PAGES}
    description = front_matter(DOCS / sources[page.path]).get("description") if page.path in sources else None
    return first_key_point(real_site, page) or (" ".join(str(description).split()) if description else None)


def test_the_home_page_first_screen_says_what_the_treatment_is_and_offers_call_and_book(
    tabs: Tabs, server: SiteServer, evidence: Evidence
) -> None:
    """On a 375 x 740 phone: the title, the treatment in one sentence (index.md's description), Call and Book, unscrolled."""
    tab = tabs("phone")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    lead = tab.locator("article .home-hero__lead")
    assert " ".join(lead.inner_text().split()) == " ".join(front_matter(DOCS / "index.md")["description"].split())
    actions = tab.locator("article .home-hero__actions a")
    expected = [href for href in (CLINIC["phone_link"], CLINIC["booking_url"]) if href]
    assert [actions.nth(i).get_attribute("href") for i in range(actions.count())] == expected
    for element in (tab.locator("article h1"), lead, *[actions.nth(i) for i in range(actions.count())]):
        box = element.bounding_box()
        assert box and box["y"] + box["height"] <= 740, f"below the first screen: {element} at {box}"
    links = tab.locator("article a[href]:not(.headerlink)")
    assert links.first.get_attribute("href") == expected[0], "Call (or Book, for a clinic without a phone) is the page's first action"


def test_the_home_page_has_a_card_for_each_topic_in_nav_order_with_a_line_from_its_key_points(
    real_site: Build, tabs: Tabs, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence
) -> None:
    expected = [(page, line) for page in nav_pages[1:] if (line := card_line(real_site, page))]
    assert len(expected) >= 2, "the pages have Key points boxes or descriptions"
    tab = tabs("phone")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    cards = tab.locator("article .home-topics a.home-topic")
    shown = [
        (
            page_of(cards.nth(i).evaluate("a => a.href"), server),
            " ".join(cards.nth(i).locator(".home-topic__title").inner_text().split()),
            " ".join(cards.nth(i).locator(".home-topic__line").inner_text().split()),
        )
        for i in range(cards.count())
    ]
    assert shown == [(page.path, page.title, line) for page, line in expected]
    assert horizontal_overflow(tab) == 0
    cards.nth(len(expected) - 1).tap()
    tab.wait_for_url(server.url(expected[-1][0].path))


def test_the_home_page_works_with_a_keyboard(tabs: Tabs, server: SiteServer, evidence: Evidence) -> None:
    """Tab from the top: the first stop inside the page's content is Call, then Book, then the topic cards."""
    expected = [name for name, there in (("clinic-action--call", CLINIC["phone"]), ("clinic-action--book", CLINIC["booking_url"])) if there]
    expected.append("home-topic")
    tab = tabs("desktop")
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    stops = []
    for _ in range(40):
        tab.keyboard.press("Tab")
        inside = tab.evaluate("() => !!document.activeElement.closest('article') && document.activeElement.className")
        if inside is not False:
            stops.append(inside)
        if len(stops) == len(expected):
            break
    assert len(stops) == len(expected), stops
    assert all(name in stop for name, stop in zip(expected, stops, strict=True)), stops
    focused = tab.evaluate(
        "() => getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).borderColor"
    )
    assert not focused.startswith("none") or "rgb" in focused, f"no visible focus on a card: {focused}"


def test_printed_the_home_page_and_the_brochure_leave_the_home_design_out(
    real_site: Build, browser: Browser, server: SiteServer, evidence: Evidence
) -> None:
    context = browser.new_context(**VIEWPORTS["desktop"])
    tab = context.new_page()
    tab.goto(evidence.look_at(server.url()), wait_until="load")
    tab.emulate_media(media="print")
    for part in (".home-hero__lead", ".home-hero__actions", ".home-topics"):
        assert tab.locator(f"article {part}").is_hidden(), f"{part} is printed"
    assert tab.locator("article h1").is_visible()
    context.close()
    print_page = real_site.page("print_page")
    assert "home-topic" not in print_page and "home-hero" not in print_page, "the PDF's source page has the home design"


# --- the aftercare checklist ----------------------------------------------------------------


@pytest.fixture(scope="session")
def checklist_pages(real_site: Build, nav_pages: list[SitePage]) -> list[SitePage]:
    """Pages with a checklist patients tick (found in the built pages, not named here)."""
    found = [page for page in nav_pages if "task-list-control" in real_site.page(page.path.rstrip("/"))]
    if not found:
        pytest.skip("no page of this site has a checklist")
    return found


def checkboxes(tab: Page):
    return tab.locator(".md-content .task-list-control input[type=checkbox]")


def test_aftercare_ticks_survive_a_reload_stay_on_the_device_and_clear_on_request(
    browser: Browser, server: SiteServer, checklist_pages: list[SitePage], evidence: Evidence
) -> None:
    context = browser.new_context(**VIEWPORTS["phone"])
    tab = context.new_page()
    url = evidence.look_at(server.url(checklist_pages[0].path))
    tab.goto(url, wait_until="networkidle")
    boxes = checkboxes(tab)
    count = boxes.count()
    assert count >= 2 and not any(boxes.nth(i).is_checked() for i in range(count))
    assert all(boxes.nth(i).is_enabled() for i in range(count)), "a box patients cannot tick"

    server.log.clear()
    tab.locator(".md-content .task-list-control").first.tap()  # a finger on the step's words ticks its box
    boxes.nth(count - 1).focus()
    tab.keyboard.press("Space")  # and the keyboard ticks the focused box
    assert boxes.first.is_checked() and boxes.nth(count - 1).is_checked()
    assert not server.log, f"ticking sent requests: {server.log}"
    stored = tab.evaluate("() => Object.keys(localStorage).filter(k => localStorage.getItem(k).length)")
    assert stored, "the ticks are not kept in the browser's local storage"

    tab.reload(wait_until="load")
    ticked = [boxes.nth(i).is_checked() for i in range(count)]
    assert ticked == [True] + [False] * (count - 2) + [True], f"after a reload: {ticked}"
    violations = axe_violations(tab)
    assert not violations, describe(violations)

    clear = tab.locator(".md-content").get_by_role("button", name=re.compile("clear", re.IGNORECASE))
    clear.click()
    assert not any(boxes.nth(i).is_checked() for i in range(count))
    assert tab.locator(".md-content").get_by_role("status").inner_text().strip(), "the clear control says what it did"
    tab.reload(wait_until="load")
    assert not any(boxes.nth(i).is_checked() for i in range(count)), "cleared ticks came back after a reload"
    context.close()

    other_device = browser.new_context(**VIEWPORTS["phone"])
    fresh = other_device.new_page()
    fresh.goto(url, wait_until="load")
    assert not any(checkboxes(fresh).nth(i).is_checked() for i in range(count))
    other_device.close()


def test_a_printed_checklist_shows_empty_boxes_and_no_tick_controls(
    browser: Browser, server: SiteServer, checklist_pages: list[SitePage], evidence: Evidence
) -> None:
    context = browser.new_context(**VIEWPORTS["desktop"])
    tab = context.new_page()
    tab.goto(evidence.look_at(server.url(checklist_pages[0].path)), wait_until="load")
    checkboxes(tab).first.check(force=True)
    indicator = "el => getComputedStyle(el, '::before').maskImage + ' ' + getComputedStyle(el, '::before').backgroundColor"
    ticked, empty = (tab.locator(".md-content .task-list-indicator").nth(i).evaluate(indicator) for i in (0, 1))
    assert ticked != empty, "on screen a ticked box looks ticked"
    tab.emulate_media(media="print")
    ticked, empty = (tab.locator(".md-content .task-list-indicator").nth(i).evaluate(indicator) for i in (0, 1))
    assert ticked == empty, "printed, a ticked box must be an empty box to tick by hand"
    assert tab.locator("[data-checklist-tools]").is_hidden()
    context.close()


# --- print page -----------------------------------------------------------------------------


def test_the_print_page_shows_every_chapter_in_order(
    real_site: Build, tabs: Tabs, server: SiteServer, nav_pages: list[SitePage], evidence: Evidence
) -> None:
    expected = []
    for page in nav_pages:
        h1 = BeautifulSoup(real_site.page(page.path.rstrip("/")), "html.parser").select_one("article h1")
        expected.append(" ".join(h1.get_text(" ").split()).rstrip("¶ ").strip())
    tab = tabs("desktop")
    tab.goto(evidence.look_at(server.url("print_page/")), wait_until="load")
    # A nav section is a section of its own around its pages' chapters, titled as in the nav.
    sections = tab.locator("#print-site-page section.print-page.md-section > h1").all_inner_texts()
    assert [" ".join(t.split()).rstrip("¶ ").strip() for t in sections] == NAV_SECTIONS
    chapters = tab.locator("#print-site-page section.print-page:not(.md-section)")
    assert chapters.count() == len(nav_pages), f"{chapters.count()} chapters for {len(nav_pages)} pages"
    titles = [" ".join(t.split()).rstrip("¶ ").strip() for t in chapters.locator("h1").all_inner_texts()]
    assert titles == expected
    for i in range(chapters.count()):
        # Rendered: the chapter is laid out taller than its own title (a short page counts too).
        box = chapters.nth(i).bounding_box()
        title_box = chapters.nth(i).locator("h1").first.bounding_box()
        assert box and title_box and box["height"] > title_box["height"] * 1.5, f"chapter {titles[i]!r} is not rendered: {box}"
    assert tab.locator(".md-sidebar--primary").is_hidden(), "the print page still shows the site menu"
    # The print-site stylesheets stay on the print page, and only there (kit/web/pageweight.py).
    assert tab.locator("link[href$='css/print-site.css']").count() == 1
    for page in nav_pages:
        assert "print-site" not in real_site.page(page.path.rstrip("/")), f"{page.path} loads the print page's assets"


# --- page weight ----------------------------------------------------------------------------


def test_the_home_page_first_view_fits_the_phone_budget(
    browser: Browser, server: SiteServer, evidence: Evidence, request: pytest.FixtureRequest
) -> None:
    """At most 100 KB compressed in at most 8 requests, with an empty cache, gzip like GitHub Pages.

    Measured in the browser with the Resource Timing API (transferSize: bytes on the
    wire, headers included; 0 when served from the cache), cross-checked with the
    requests the server answered.
    """
    view = first_view(browser, server, evidence.look_at(server.url()), VIEWPORTS["phone"])
    fetched, total, answered = view.entries, view.transferred, view.answered
    lines = [f"{entry['transfer']:>7} B  {page_of(entry['url'], server) or '(home page)'}" for entry in fetched]
    summary = (
        f"Home page first view (375 px, empty cache, gzip): {total / 1024:.1f} KB transferred "
        f"({view.decoded / 1024:.1f} KB uncompressed) in {len(fetched)} requests; budget 100 KB / 8"
    )
    request.node.user_properties.append((MEASURED, [summary, *lines]))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "page-weight.json").write_text(json.dumps({"summary": summary, "requests": fetched}, indent=2), encoding="utf-8")

    assert all(entry.gzip for entry in server.log if entry.path.endswith((".css", ".js", ".json", "/"))), "text was sent uncompressed"
    assert answered == len(fetched), f"the browser counted {len(fetched)} requests, the server answered {answered}"
    assert len(fetched) <= BUDGET_REQUESTS, summary + "\n" + "\n".join(lines)
    assert total <= BUDGET_BYTES, summary + "\n" + "\n".join(lines)


# --- the checks themselves can fail ---------------------------------------------------------

BARE_MATERIAL = """\
site_name: Bare Material site
site_url: https://bare-material.github.io/bare/
theme:
  name: material
nav:
  - Home: index.md
"""


def test_the_checks_catch_a_bare_material_sites_problems(fixture_site: FixtureSite, browser: Browser) -> None:
    """Material as it comes (web fonts on, no fixes) fails both checks: so they can fail."""
    fixture_site.write("mkdocs.yml", BARE_MATERIAL)
    build = fixture_site.build()
    assert build.returncode == 0, build.output
    with SiteServer(build.site) as bare:
        outside = requests_leaving(browser, bare, [bare.url()])
        assert any("fonts.googleapis.com" in url for found in outside.values() for url in found), outside
        context = browser.new_context(**VIEWPORTS["desktop"])
        tab = context.new_page()
        tab.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
        tab.goto(bare.url(), wait_until="load")
        rules = {violation["rule"] for violation in axe_violations(tab)}
        context.close()
    assert "aria-dialog-name" in rules, rules
