"""What the alert tests share: the e-mails in Django's test outbox, by recipient."""

from django.core import mail


def messages_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def only_message_to(address: str):
    messages = messages_to(address)
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]
