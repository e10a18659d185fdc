//! `https://` endpoints. \[001\] "enter the API endpoint as https://{{your-endpoint}}".
//!
//! An absolute URL whose scheme is `https` and whose authority names a host: a DNS name, an
//! IPv4 address or a bracketed IPv6 address, with an optional numeric port (an empty one, as
//! RFC 3986 allows, is the scheme's default). Kept small on purpose (no IDNA tables in the
//! wasm build): a host is ASCII letters, digits, `-` and `.`, with the trailing dot of a fully
//! qualified name allowed.

use super::Finding;

/// An absolute `https://` URL with a host. Never quotes the value (it may be a credential).
pub fn https_url(s: &str, out: &mut Vec<Finding>) {
    if let Some(f) = problem(s) {
        out.push(f);
    }
}

fn problem(s: &str) -> Option<Finding> {
    if s.is_empty() {
        return Some(Finding::error("string.empty"));
    }
    if let Some((i, _)) = s
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        let pos = s[..i].chars().count() + 1;
        return Some(
            Finding::error("url.invalid")
                .with("reason", "whitespace")
                .with("position", pos),
        );
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return Some(Finding::error("url.invalid").with("reason", "scheme"));
    };
    if !scheme.eq_ignore_ascii_case("https") {
        let reason = if scheme.eq_ignore_ascii_case("http") {
            "http"
        } else {
            "other"
        };
        return Some(Finding::error("url.not_https").with("reason", reason));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let port = if let Some(v6) = hostport.strip_prefix('[') {
        // A bracketed host is an IPv6 address, followed by nothing or a port.
        match v6.split_once(']') {
            Some((h, rest))
                if h.parse::<std::net::Ipv6Addr>().is_ok()
                    && (rest.is_empty() || rest.starts_with(':')) =>
            {
                rest.strip_prefix(':')
            }
            _ => return Some(Finding::error("url.invalid").with("reason", "host")),
        }
    } else {
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        };
        // A fully qualified name's trailing dot (`api.example.com.`) ends no label.
        let host = host.strip_suffix('.').unwrap_or(host);
        let host_ok = !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !host_ok {
            return Some(Finding::error("url.invalid").with("reason", "host"));
        }
        port
    };
    // An empty port is the scheme's default (RFC 3986 section 3.2.3).
    if let Some(p) = port.filter(|p| !p.is_empty()) {
        let ok = p.len() <= 5
            && p.chars().all(|c| c.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n));
        if !ok {
            return Some(Finding::error("url.invalid").with("reason", "port"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<(&'static str, Option<String>)> {
        problem(s).map(|f| {
            (
                f.code,
                f.params
                    .get("reason")
                    .map(|r| r.as_str().unwrap().to_string()),
            )
        })
    }

    #[test]
    fn accepts_https_hosts() {
        assert_eq!(code("https://api.example.com/message/send"), None);
        assert_eq!(code("HTTPS://api.example.com:8443/x?y=1"), None);
        assert_eq!(code("https://10.0.0.1/send"), None);
        assert_eq!(code("https://[2001:db8::1]:443/send"), None);
        assert_eq!(code("https://api.example.com./send"), None);
        assert_eq!(code("https://api.example.com:/send"), None);
    }

    #[test]
    fn rejects_the_rest() {
        assert_eq!(code("http://api.example.com").unwrap().0, "url.not_https");
        assert_eq!(code("api.example.com").unwrap().0, "url.invalid");
        assert_eq!(code("https://").unwrap().1.as_deref(), Some("host"));
        assert_eq!(
            code("https://a b.com").unwrap().1.as_deref(),
            Some("whitespace")
        );
        assert_eq!(
            code("https://host:99999/").unwrap().1.as_deref(),
            Some("port")
        );
        assert_eq!(
            code("https://-bad-.com/").unwrap().1.as_deref(),
            Some("host")
        );
        for host in ["https://./", "https://a..b/", "https://a.b../"] {
            assert_eq!(code(host).unwrap().1.as_deref(), Some("host"), "{host}");
        }
    }
}
