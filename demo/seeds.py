"""Read the two offices' seed texts (demo/data/seeds/, copied into the project, so a fresh clone needs nothing else)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent / "data" / "seeds"
URL = re.compile(r"^https?://\S+$")


@dataclass
class OfficeSeed:
    name: str
    parent_body: str
    address: str
    email: str
    social_links: list[tuple[str, str]]
    paragraphs: list[str]
    scope_heading: str
    scope: list[str] = field(default_factory=list)


# Networks whose name is not their host's first word capitalised.
NETWORK_NAMES = {"linkedin": "LinkedIn"}


def social_label(url: str) -> str:
    host = re.sub(r"^https?://(www\.|rs\.)?", "", url).split("/")[0]
    network = host.split(".")[0]
    return NETWORK_NAMES.get(network, network.capitalize())


def read_novi_sad_office(completed_links: dict[str, str] | None = None) -> OfficeSeed:
    """The Novi Sad office's seed; `completed_links` gives the full address of a link the seed cuts short."""
    lines = [line.rstrip() for line in (SEEDS_DIR / "novi-sad-office.txt").read_text(encoding="utf-8").splitlines()]
    text_lines = [line.strip() for line in lines if line.strip()]
    address_at = next(i for i, line in enumerate(text_lines) if line.startswith("Адреса:"))
    address = text_lines[address_at].removeprefix("Адреса:").strip().rstrip(",")
    address += "\n" + text_lines[address_at + 1].strip()
    email = next(line.split(":", 1)[1].strip() for line in text_lines if line.startswith("Имејл"))
    # The source shows long links cut short ("…societ..."): such a link is kept only when its full
    # address is given, since the cut one would be broken.
    urls = [(completed_links or {}).get(line, line) for line in text_lines if URL.match(line)]
    urls = [url for url in urls if not url.endswith("...")]
    scope_at = next(i for i, line in enumerate(text_lines) if re.match(r"^\d+\.\s", line))
    paragraphs = [
        " ".join(line.split())
        for line in text_lines[address_at + 2 : scope_at]
        if not URL.match(line) and ":" not in line[:30] and not line.startswith("Имејл")
    ]
    scope = []
    for line in text_lines[scope_at + 1 :]:
        item = line.lstrip("•").strip()
        # One line of the source holds two duties joined by " - ".
        scope.extend(" ".join(part.split()).rstrip(";") for part in re.split(r"(?<=\.)\s+-\s+", item) if part.strip())
    return OfficeSeed(
        name=text_lines[0],
        parent_body=text_lines[1].split(" - ")[0].strip(),
        address=address,
        email=email,
        social_links=[(social_label(url), url) for url in urls],
        paragraphs=paragraphs,
        scope_heading=re.sub(r"^\d+\.\s*", "", text_lines[scope_at]),
        scope=scope,
    )


def read_national_office_english() -> dict:
    """The national office's facts and texts in English, as the seed gives them."""
    text = (SEEDS_DIR / "national-office.txt").read_text(encoding="utf-8")
    facts = dict(re.findall(r"^- ([^:\n]+): (.+)$", text, flags=re.M))
    body = text.split("==Organization and jurisdiction==")
    paragraphs = [p.strip() for p in body[0].split("\n\n")[2:] if p.strip() and not p.startswith("-")]
    jurisdiction = [line[2:].strip() for line in body[1].splitlines() if line.startswith("- ")]
    intro_paragraphs = [p.strip() for p in body[1].split("\n\n") if p.strip() and not p.startswith("-")]
    return {"facts": facts, "paragraphs": paragraphs, "organisation": intro_paragraphs, "jurisdiction": jurisdiction}
