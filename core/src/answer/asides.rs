//! Follow-ups on what an answer beside the lists showed: a figure in another year ("et
//! l'année d'avant ?"), a trait of a role model ("il a quel âge ?").

use super::places::departement_phrase;
use super::reply::{Block, PortraitCard};
use super::{Answer, french};
use crate::model::{Fact, Portrait};
use crate::places::Gazetteer;
use crate::understand::{Intent, Trait};

/// The figure asked for another year is not in the data: the years that are.
pub fn no_such_year(fact: &Fact, year: i32, series: &[&Fact]) -> Answer {
    let mut years: Vec<String> = series.iter().map(|f| f.year.to_string()).collect();
    years.dedup();
    let known = french::list(&years);
    let reply = format!(
        "Je n'ai pas ce chiffre ({}) pour {year} : je l'ai pour {known}.",
        fact.unit
    );
    Answer::text(Intent::Facts, reply)
}

/// One trait of a role model, in a sentence, then the card.
pub fn portrait_trait(portrait: &Portrait, asked: Trait, gazetteer: &Gazetteer) -> Answer {
    let name = &portrait.name;
    let sentence = match asked {
        Trait::Age => match portrait.age {
            Some(age) => format!("{name} a {age} ans."),
            None => format!("La campagne ne dit pas l'âge {}.", french::of_name(name)),
        },
        Trait::Place => match gazetteer.departement(&portrait.departement) {
            Some(departement) => {
                format!("{name} travaille {}.", departement_phrase(departement))
            }
            None => format!(
                "{name} travaille dans le département {}.",
                portrait.departement_name
            ),
        },
        Trait::Company => format!("{name} travaille chez {}.", portrait.company),
        Trait::Job => format!("{name} : {}, chez {}.", portrait.job, portrait.company),
    };
    Answer {
        portraits: vec![portrait.id.clone()],
        ..Answer::blocks(
            Intent::Portraits,
            vec![
                Block::text(sentence),
                Block::Portrait(PortraitCard::new(portrait)),
            ],
        )
    }
}
