"""The office's social networks, as its own page lists them (Instagram, LinkedIn, Facebook), are in the footer.

The seed page shows the LinkedIn address cut short ("…civil-societ..."); the demo data gives it
whole, and a cut-short link with no full address is left out rather than linked broken.
"""

import pytest

from demo.data import load
from demo.seeds import read_novi_sad_office
from tests.html_dom import find_by_class, parse

INSTAGRAM = "https://www.instagram.com/kancelarija_za_saradnju_sa_ocd/"
LINKEDIN = "https://rs.linkedin.com/company/office-for-cooperation-with-civil-society"
FACEBOOK = "https://www.facebook.com/saradnjasaocd.novisad/"


def test_the_seed_gives_all_three_networks_in_its_order_with_linkedin_whole():
    seed = read_novi_sad_office(load("site")["cut_short_links"])

    assert seed.social_links == [("Instagram", INSTAGRAM), ("LinkedIn", LINKEDIN), ("Facebook", FACEBOOK)]


def test_a_link_the_seed_cuts_short_is_left_out_without_its_full_address():
    assert read_novi_sad_office().social_links == [("Instagram", INSTAGRAM), ("Facebook", FACEBOOK)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sr-cyrl", "sr-latn", "en"])
def test_the_footer_links_the_offices_instagram_linkedin_and_facebook(client, demo_site, language):
    footer = find_by_class(parse(client.get(f"/{language}/").content), "footer", "site-footer")[0]

    links = [(link.text, link.get("href")) for link in footer.iter("a") if "mailto:" not in link.get("href")]
    assert [("Instagram", INSTAGRAM), ("LinkedIn", LINKEDIN), ("Facebook", FACEBOOK)] == [
        link for link in links if link[1] in {INSTAGRAM, LINKEDIN, FACEBOOK}
    ]
