"""Whole-page cache for anonymous visitors, in the app (see the README, "Caching").

- `middleware.PageCacheMiddleware` answers an anonymous GET/HEAD of a language-prefixed URL from
  the cache before sessions, locale or authentication are looked at, and stores what may be shared.
- `policy` says which requests may be answered from the cache, which responses may be shared,
  and the `Cache-Control` each gets (shared caches in front of the app follow the same rules).
- `generation` keeps the site-wide generation number that is part of every key (any change an
  anonymous page can show bumps it: `invalidation` connects the signals) and the next instant
  at which a page can change by the clock alone (a consultation or call opening or closing).
"""
