//! Text from other tools' markup as Discord shows it: HTML (GIFT's `[html]`, Anki's fields) as
//! Discord markdown.

/// HTML as Discord markdown: bold, italics, underline, code, links and line breaks kept; every
/// other tag dropped (scripts and styles with their content); entities decoded.
pub(super) fn html_to_markdown(html: &str) -> String {
    let mut out = String::new();
    let mut link: Option<String> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&decode_entities(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let tag_name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match tag_name.as_str() {
            // Their content is not text.
            "script" | "style" if !closing => {
                let end = format!("</{tag_name}");
                let at = rest.to_ascii_lowercase().find(&end).unwrap_or(rest.len());
                rest = &rest[at..];
            }
            "b" | "strong" => out.push_str("**"),
            "i" | "em" => out.push('*'),
            "u" => out.push_str("__"),
            "code" | "tt" => out.push('`'),
            "br" => out.push('\n'),
            "p" | "div" | "ul" | "ol" if closing => out.push('\n'),
            "li" if !closing => out.push_str("\n• "),
            "a" if !closing => link = href(tag),
            "a" => {
                if let Some(url) = link.take() {
                    out.push_str(&format!(" (<{url}>)"));
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    let mut text = out.trim().to_string();
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text
}

/// The `href` of an `<a …>` tag, if it is a web link.
fn href(tag: &str) -> Option<String> {
    let at = tag.find("href=")? + 5;
    let rest = &tag[at..];
    let url = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split_whitespace().next()?,
    };
    (url.starts_with("https://") || url.starts_with("http://")).then(|| url.to_string())
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            e => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_discord_markdown() {
        assert_eq!(
            html_to_markdown("<p>Use <strong>Bcc</strong> &amp; <em>never</em> <a href=\"https://x.org/a\">this</a></p><p>2 &lt; 3&#33;</p><script>x</script>"),
            "Use **Bcc** & *never* this (<https://x.org/a>)\n2 < 3!"
        );
        assert_eq!(
            html_to_markdown("a<br/>b<ul><li>one</li><li>two</li></ul>"),
            "a\nb\n• one\n• two"
        );
        assert_eq!(html_to_markdown("a < b & c"), "a < b & c");
        assert_eq!(
            html_to_markdown("<a href=\"javascript:alert(1)\">x</a>"),
            "x"
        );
    }
}
