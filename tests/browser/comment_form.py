"""The comment form filled in as a person would: a proposed wording, its reasons, the organisation and its contact."""


def fill_comment(page, organisation: str, email: str) -> None:
    """Everything but the privacy notice, which each journey ticks its own way."""
    page.get_by_label("измена формулације").check()
    page.locator("#id_proposed_wording").fill("Рок за пријаву је 30 дана од објављивања конкурса.")
    page.locator("#id_justification").fill("Мала удружења не могу да припреме документацију за 15 дана.")
    page.locator("#id_organisation_name").fill(organisation)
    # Komercijalna banka a.d.'s published registration number: a real number with a valid check digit.
    page.locator("#id_registration_number").fill("07737068")
    page.locator("#id_organisation_type").select_option("association")
    page.locator("#id_contact_name").fill("Ана Анић")
    page.locator("#id_contact_email").fill(email)
    page.get_by_label("објавити коментар с мојим именом или називом моје организације").check()
