"""Where a page type may be created in the page tree, asserted a row at a time (WagtailPageTestCase)."""


def assert_parents(test_case, child, *, allowed=(), refused=()) -> None:
    """`child` may be created under each `allowed` page type and under no `refused` one."""
    for parent in allowed:
        test_case.assertCanCreateAt(parent, child)
    for parent in refused:
        test_case.assertCanNotCreateAt(parent, child)


def assert_children(test_case, parent, *, allowed=(), refused=()) -> None:
    """Under `parent`, each `allowed` page type may be created and no `refused` one."""
    for child in allowed:
        test_case.assertCanCreateAt(parent, child)
    for child in refused:
        test_case.assertCanNotCreateAt(parent, child)
