vcl 4.1;

# Varnish in front of the portal (see the README, "Caching").
#
# The app decides what may be cached: anonymous public pages answer with
# "Cache-Control: public, max-age=..., s-maxage=..."; receipts, confirmations, previews and
# the admin answer "private, no-store". Varnish keeps what the app allows for s-maxage (never past
# the next time a consultation or call opens or closes) and drops it when the app, with
# FRONTEND_CACHE_URL pointing here, sends PURGE for a published, unpublished, moved or deleted page
# and its listings, feeds and home page (Wagtail's front-end cache invalidation), and BAN of
# everything after any change a page can show (a menu, a snippet, a setting, a published comment).
# An open consultation's page is shared too: its comment form holds no CSRF token and no form token;
# the page's script fetches the visitor's token from <page>/token-obrasca/, which answers
# "private, no-store" and so always reaches the app.
# Put TLS termination in front of Varnish; Varnish talks plain HTTP to gunicorn on the same machine.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 60s;
}

# Only the app's own machine may purge or ban.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Banning not allowed"));
        }
        # BAN with the header X-Ban-Url: <regex> drops every object whose URL matches (the app sends "^/"
        # after any content change, core/page_cache/frontend.py); without it, the URLs under the request's.
        if (req.http.X-Ban-Url) {
            ban("obj.http.X-Cache-Url ~ " + req.http.X-Ban-Url);
        } else {
            ban("obj.http.X-Cache-Url ~ ^" + req.url);
        }
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in editor, a visitor holding a CSRF token (a form they opened) or a pending
    # message is served by the app itself: those pages carry per-visitor parts.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Any other cookie (analytics and the like) does not change the page: drop it so the
    # anonymous copy can be shared.
    unset req.http.Cookie;
    # Only the language prefix chooses the language; the bare "/" redirect varies on
    # Accept-Language and is cheap, so it always goes to the app.
    if (req.url == "/") {
        return (pass);
    }
    return (hash);
}

# One site per Varnish: objects are found by URL alone, so the app's PURGE (sent with the Host of the
# site's record in Wagtail) reaches the copy visitors fetched under whatever name they used.
# To serve several sites from one Varnish, add hash_data(req.http.host) here.
sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Remember the URL on the object so a BAN can match it without a request (the ban lurker).
    set beresp.http.X-Cache-Url = bereq.url;
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || !beresp.http.Cache-Control) {
        # Never shared: remember for two minutes not to wait for another copy (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Cache-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
