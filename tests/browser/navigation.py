"""How a visitor reaches a section: from the home page, through the main menu."""

import re


def open_from_main_menu(page, home_url: str, menu: str, link: str, url_pattern: str) -> None:
    """Go to `home_url`, follow `link` in the menu named `menu`, wait for a URL matching `url_pattern`."""
    page.goto(home_url)
    page.get_by_role("navigation", name=menu).get_by_role("link", name=link).click()
    page.wait_for_url(re.compile(url_pattern))
