vcl 4.1;
# re@di Portal – Varnish in front of the ASGI workers (README "Running in production").
#
#   nginx (TLS, /static/, /media/, /ws/) → Varnish :6081 → nginx 127.0.0.1:8080 → uvicorn × N
#
# Varnish keeps only what the portal vouched for: a response with `s-maxage` (anonymous
# pages, portal/pagecache) and no Set-Cookie. Everything else passes. A visitor with a
# session or a pending message always reaches the portal. The portal purges on every
# content change (wagtail.contrib.frontend_cache, FRONTEND_CACHE_URL=http://<this>:6081):
# a PURGE of a URL bans that URL and everything below it on that host.

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# who may purge: the portal's workers
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # host without port: the portal's site URL may name another port than clients use
        ban("obj.http.x-redi-host == " + regsub(std.tolower(req.http.host), ":[0-9]+$", "")
            + " && obj.http.x-redi-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # WebSockets go straight to the workers (nginx routes /ws/ past Varnish; this is the
    # fallback when Varnish is the front)
    if (req.http.upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.http.authorization) {
        return (pass);
    }
    # a session (logged in, a form in progress) or a message: the portal answers itself
    if (req.http.cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # other cookies (csrftoken, consent) do not change an anonymous page: look it up,
    # but keep them for the portal on a miss
    return (hash);
}

sub vcl_pipe {
    if (req.http.upgrade) {
        set bereq.http.upgrade = req.http.upgrade;
        set bereq.http.connection = req.http.connection;
    }
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(regsub(std.tolower(req.http.host), ":[0-9]+$", ""));
    # http and https pages differ (HSTS, redirects): keep them apart
    hash_data(req.http.x-forwarded-proto);
    return (lookup);
}

sub vcl_backend_response {
    # remembered on the object for bans (lurker-friendly)
    set beresp.http.x-redi-host = regsub(std.tolower(bereq.http.host), ":[0-9]+$", "");
    set beresp.http.x-redi-url = bereq.url;
    if (beresp.http.set-cookie || beresp.http.cache-control !~ "s-maxage=[1-9]"
            || beresp.http.cache-control ~ "(private|no-store|no-cache)"
            || beresp.http.vary ~ "(?i)(cookie|\*)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;  # remember the decision ("hit-for-miss"), not the page
        return (deliver);
    }
    # the portal's Vary: Accept-Language is dropped on stored pages already; ttl from s-maxage
    set beresp.grace = 30s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-redi-host;
    unset resp.http.x-redi-url;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
