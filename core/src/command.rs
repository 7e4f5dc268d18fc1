//! The chat commands, one list for every adapter: Telegram's menu and `/commands`,
//! Discord's slash commands, the console's `/commands`. Their French descriptions are
//! the answer's ([`crate::answer::command_description`]).

/// A command of the chat menus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// A chat opens (Telegram sends `/start`): the welcome.
    Start,
    /// What Boussole can do, with examples.
    Help,
    /// Events: what is coming, or those of the words after it.
    Events,
    /// Figures of industry, on the subject after it.
    Figures,
    /// Role models and jobs, on the subject after it.
    Jobs,
    /// What the week is.
    Week,
    /// Forget the conversation.
    Forget,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 7] = [
        Command::Start,
        Command::Help,
        Command::Events,
        Command::Figures,
        Command::Jobs,
        Command::Week,
        Command::Forget,
    ];

    /// The name users type after `/` (lower case ASCII, as Telegram and Discord want).
    pub fn name(self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Help => "aide",
            Command::Events => "evenements",
            Command::Figures => "chiffres",
            Command::Jobs => "metiers",
            Command::Week => "semaine",
            Command::Forget => "oublie",
        }
    }

    /// Other names accepted when typed.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Command::Help => &["help"],
            Command::Events => &["événements", "events"],
            Command::Jobs => &["métiers"],
            Command::Forget => &["stop"],
            _ => &[],
        }
    }

    /// The command a message starts with, and the text after it: `/aide`,
    /// `/evenements@BoussoleBot lycéens brest` (any bot name after `@` is ignored).
    /// Other texts, slashes included, are not commands.
    ///
    /// ```
    /// use boussole_core::command::Command;
    /// assert_eq!(Command::parse("/Evenements@Bot à Brest"), Some((Command::Events, "à Brest")));
    /// assert_eq!(Command::parse("/quoi"), None);
    /// assert_eq!(Command::parse("et/ou"), None);
    /// ```
    pub fn parse(text: &str) -> Option<(Command, &str)> {
        let text = text.trim_start();
        let rest = text.strip_prefix('/')?;
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let name = rest[..end].split('@').next()?.to_lowercase();
        let command = Command::ALL
            .into_iter()
            .find(|c| c.name() == name || c.aliases().contains(&name.as_str()))?;
        Some((command, rest[end..].trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for command in Command::ALL {
            assert_eq!(
                Command::parse(&format!("/{}", command.name())),
                Some((command, ""))
            );
            let name = command.name();
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()) && name.len() <= 32);
        }
        assert_eq!(Command::parse(" /OUBLIE "), Some((Command::Forget, "")));
        assert_eq!(Command::parse("/help"), Some((Command::Help, "")));
        assert_eq!(Command::parse("/"), None);
        assert_eq!(Command::parse("/@"), None);
    }
}
