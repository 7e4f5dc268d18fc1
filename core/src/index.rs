//! The tantivy index of events and knowledge (facts, role models, the week's topics).
//!
//! One document per item, with a `kind` and an `id` that point back into
//! [`Knowledge`]. Text fields use the French [`Analyzer`]; queries are built from analyzed
//! terms directly (never through tantivy's query syntax), so any user text is safe.
//!
//! On disk, an index lives in `<root>/<fingerprint>/`, where the fingerprint covers the
//! data files, the schema and the analyzer: changed data gets a new index, unchanged data
//! reuses the built one. A build goes to a temporary directory renamed into place when
//! complete, so a crash never leaves a half-written index behind.

use std::path::{Path, PathBuf};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::model::Knowledge;
use crate::progress::{Progress, Silent};
use crate::text::{ANALYZER_NAME, ANALYZER_VERSION, Analyzer};

/// Version of the schema: part of the fingerprint.
const SCHEMA_VERSION: u32 = 4;

/// File written last in a complete on-disk index.
const READY_MARKER: &str = "READY";

/// What an index document describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An [`crate::model::Event`].
    Event,
    /// A [`crate::model::Fact`].
    Fact,
    /// A [`crate::model::Portrait`].
    Portrait,
    /// A [`crate::model::Topic`] about the week.
    Topic,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Event => "event",
            Kind::Fact => "fact",
            Kind::Portrait => "portrait",
            Kind::Topic => "topic",
        }
    }

    const ALL: [Kind; 4] = [Kind::Event, Kind::Fact, Kind::Portrait, Kind::Topic];

    fn code(self) -> u64 {
        self as u64
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// What it is.
    pub kind: Kind,
    /// Its id in [`Knowledge`].
    pub id: String,
    /// Its position in its list of [`Knowledge`] (`events`, `facts`…).
    pub ord: usize,
    /// BM25 score, with field boosts.
    pub score: f32,
}

/// Why an index could not be built or opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// tantivy failed.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be prepared.
    #[error("search index directory {path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// An index on disk whose files fail their checksums, or that does not hold the
    /// knowledge's documents.
    #[error("damaged index files {0:?}")]
    Damaged(Vec<PathBuf>),
}

#[derive(Clone, Copy, Debug)]
struct Fields {
    kind: Field,
    kind_code: Field,
    ord: Field,
    id: Field,
    title: Field,
    organizer: Field,
    /// The organizer alone (the `organizer` field also holds the partners), to tell an
    /// organizer from a partner.
    organizer_only: Field,
    themes: Field,
    place: Field,
    audience: Field,
    keywords: Field,
    body: Field,
}

impl Fields {
    /// Text fields with their boosts: title, organizer and themes weigh more than the
    /// description.
    fn boosted(&self) -> [(Field, f32); 7] {
        [
            (self.title, 3.0),
            (self.organizer, 2.5),
            (self.themes, 2.0),
            (self.keywords, 2.0),
            (self.place, 2.0),
            (self.audience, 1.5),
            (self.body, 1.0),
        ]
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        kind: builder.add_text_field("kind", STRING),
        kind_code: builder.add_u64_field("kind_code", FAST),
        ord: builder.add_u64_field("ord", FAST),
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("title", text.clone()),
        organizer: builder.add_text_field("organizer", text.clone()),
        organizer_only: builder.add_text_field(
            "organizer_only",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(ANALYZER_NAME)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        ),
        themes: builder.add_text_field("themes", text.clone()),
        place: builder.add_text_field("place", text.clone()),
        audience: builder.add_text_field("audience", text.clone()),
        keywords: builder.add_text_field("keywords", text.clone()),
        body: builder.add_text_field("body", text),
    };
    (builder.build(), fields)
}

/// The search index, with its one reader for the whole process.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    analyzer: Analyzer,
    /// Ids by kind code and position, to name hits without reading the document store;
    /// events only count theirs (their ids are read from the store, and the events
    /// search needs only positions).
    ids: Vec<Vec<Box<str>>>,
}

fn ids_of(knowledge: &Knowledge) -> Vec<Vec<Box<str>>> {
    vec![
        Vec::new(),
        knowledge
            .facts
            .iter()
            .map(|f| f.id.as_str().into())
            .collect(),
        knowledge
            .portraits
            .iter()
            .map(|p| p.id.as_str().into())
            .collect(),
        knowledge
            .topics
            .iter()
            .map(|t| t.id.as_str().into())
            .collect(),
    ]
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

/// How [`SearchIndex::open_or_build`] got its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An index built earlier from the same data was reused.
    Reused,
    /// The index was built now.
    Built,
}

impl SearchIndex {
    /// The fingerprint of an index built from `knowledge`.
    pub fn fingerprint(knowledge: &Knowledge) -> u64 {
        let mut hasher = crate::fingerprint::Fnv64::new();
        hasher.write(&knowledge.fingerprint.to_le_bytes());
        hasher.write(&SCHEMA_VERSION.to_le_bytes());
        hasher.write(&ANALYZER_VERSION.to_le_bytes());
        hasher.finish()
    }

    /// Builds an index in memory (tests, benchmarks, small data).
    pub fn build_in_ram(knowledge: &Knowledge, analyzer: Analyzer) -> Result<Self, IndexError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        Self::fill(&index, fields, knowledge, &analyzer, &Silent)?;
        Self::with_index(index, fields, analyzer, ids_of(knowledge))
    }

    /// Opens the index of `knowledge` under `root`, building it first if the data changed
    /// since the last build. Older indexes under `root` are removed after a build.
    pub fn open_or_build(
        root: &Path,
        knowledge: &Knowledge,
        analyzer: Analyzer,
    ) -> Result<(Self, Origin), IndexError> {
        Self::open_or_build_with(root, knowledge, analyzer, &Silent)
    }

    /// Like [`SearchIndex::open_or_build`], reporting the progress of a build.
    pub fn open_or_build_with(
        root: &Path,
        knowledge: &Knowledge,
        analyzer: Analyzer,
        progress: &dyn Progress,
    ) -> Result<(Self, Origin), IndexError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| IndexError::Io { path, source }
        };
        let name = format!("{:016x}", Self::fingerprint(knowledge));
        let dir = root.join(&name);
        if dir.join(READY_MARKER).is_file() {
            match Self::open_built(&dir, knowledge, analyzer.clone()) {
                Ok(index) => return Ok((index, Origin::Reused)),
                Err(err) => {
                    // Damaged on disk (a crash, a full disk, a stray edit): built again.
                    tracing::warn!(
                        "the index {} is unusable ({err}): building it again",
                        dir.display()
                    );
                    std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
                }
            }
        }
        std::fs::create_dir_all(root).map_err(io(root))?;
        let building = root.join(format!(".building-{name}-{}", std::process::id()));
        if building.exists() {
            std::fs::remove_dir_all(&building).map_err(io(&building))?;
        }
        std::fs::create_dir_all(&building).map_err(io(&building))?;
        {
            let (schema, fields) = schema();
            let index = Index::create_in_dir(&building, schema)?;
            Self::fill(&index, fields, knowledge, &analyzer, progress)?;
        }
        std::fs::write(building.join(READY_MARKER), name.as_bytes()).map_err(io(&building))?;
        if dir.exists() && !dir.join(READY_MARKER).is_file() {
            // A stale, incomplete index (no READY marker): replace it.
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        if let Err(err) = std::fs::rename(&building, &dir) {
            // Another process may have finished the same build first: use its index.
            if !dir.join(READY_MARKER).is_file() {
                return Err(IndexError::Io {
                    path: dir,
                    source: err,
                });
            }
            let _ = std::fs::remove_dir_all(&building);
        }
        remove_stale(root, &name);
        Ok((Self::open_built(&dir, knowledge, analyzer)?, Origin::Built))
    }

    /// Opens an index built in `dir` for `knowledge`, after checking it: every file's
    /// checksum, and one document for each item of the knowledge.
    fn open_built(
        dir: &Path,
        knowledge: &Knowledge,
        analyzer: Analyzer,
    ) -> Result<Self, IndexError> {
        let (_, fields) = schema();
        let index = Index::open_in_dir(dir)?;
        let damaged = index.validate_checksum()?;
        if !damaged.is_empty() {
            return Err(IndexError::Damaged(damaged.into_iter().collect()));
        }
        let ids = ids_of(knowledge);
        let index = Self::with_index(index, fields, analyzer, ids)?;
        let expected = knowledge.events.len()
            + knowledge.facts.len()
            + knowledge.portraits.len()
            + knowledge.topics.len();
        if index.num_docs() != expected as u64 {
            return Err(IndexError::Damaged(Vec::new()));
        }
        Ok(index)
    }

    fn with_index(
        index: Index,
        fields: Fields,
        analyzer: Analyzer,
        ids: Vec<Vec<Box<str>>>,
    ) -> Result<Self, IndexError> {
        index
            .tokenizers()
            .register(ANALYZER_NAME, analyzer.text_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            analyzer,
            ids,
        })
    }

    fn fill(
        index: &Index,
        fields: Fields,
        knowledge: &Knowledge,
        analyzer: &Analyzer,
        progress: &dyn Progress,
    ) -> Result<(), IndexError> {
        index
            .tokenizers()
            .register(ANALYZER_NAME, analyzer.text_analyzer());
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 50_000_000)?;
        progress.start(
            crate::progress::Task::Indexing,
            knowledge.events.len() as u64,
        );
        for (ord, event) in knowledge.events.iter().enumerate() {
            if (ord as u64).is_multiple_of(crate::progress::EVERY) {
                progress.set(ord as u64);
            }
            writer.add_document(event_doc(fields, event, ord))?;
        }
        for doc in knowledge_docs(fields, knowledge) {
            writer.add_document(doc)?;
        }
        progress.set(knowledge.events.len() as u64);
        writer.commit()?;
        writer.wait_merging_threads()?;
        progress.finish();
        Ok(())
    }

    /// The analyzer this index was built with.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Number of documents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The underlying tantivy index (for the baseline and diagnostics).
    pub fn tantivy_index(&self) -> &Index {
        &self.index
    }

    /// Searches `text` in documents of the given kinds (all kinds when empty), best first.
    ///
    /// Each distinct term of the text is looked up in every field with the field's boost;
    /// a term scores by its best field (plus a little for the others), and terms add up.
    pub fn search(&self, text: &str, kinds: &[Kind], limit: usize) -> Vec<Hit> {
        let mut terms = self.analyzer.terms(text);
        let mut seen = std::collections::HashSet::new();
        terms.retain(|term| seen.insert(term.clone()));
        terms.truncate(64);
        self.search_terms(&terms, kinds, limit)
    }

    /// Like [`SearchIndex::search`], with terms already analyzed.
    pub fn search_terms(&self, terms: &[String], kinds: &[Kind], limit: usize) -> Vec<Hit> {
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = self.terms_query(terms, kinds);
        self.run(&*query, limit)
    }

    /// Each term in every field with the field's boost, its best field counting (plus a
    /// little for the others); terms add up; restricted to `kinds` when given.
    fn terms_query(&self, terms: &[String], kinds: &[Kind]) -> Box<dyn Query> {
        let per_term: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|term| {
                let disjuncts: Vec<Box<dyn Query>> = self
                    .fields
                    .boosted()
                    .into_iter()
                    .map(|(field, boost)| -> Box<dyn Query> {
                        let query = TermQuery::new(
                            Term::from_field_text(field, term),
                            IndexRecordOption::WithFreqs,
                        );
                        Box::new(BoostQuery::new(Box::new(query), boost))
                    })
                    .collect();
                let best_field: Box<dyn Query> =
                    Box::new(DisjunctionMaxQuery::with_tie_breaker(disjuncts, 0.2));
                (Occur::Should, best_field)
            })
            .collect();
        let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(per_term));
        if !kinds.is_empty() {
            let kind_filter: Vec<(Occur, Box<dyn Query>)> = kinds
                .iter()
                .map(|kind| -> (Occur, Box<dyn Query>) {
                    let term = Term::from_field_text(self.fields.kind, kind.as_str());
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    )
                })
                .collect();
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (
                    Occur::Must,
                    Box::new(BoostQuery::new(
                        Box::new(BooleanQuery::new(kind_filter)),
                        0.0,
                    )),
                ),
            ]));
        }
        query
    }

    /// Positions and scores of the events matching `text` (no ids: the hot path of the
    /// events search).
    pub fn event_scores(&self, text: &str, limit: usize) -> Vec<(usize, f32)> {
        let mut terms = self.analyzer.terms(text);
        let mut seen = std::collections::HashSet::new();
        terms.retain(|term| seen.insert(term.clone()));
        terms.truncate(64);
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        // No kind filter in the query (intersecting with it costs more than the search):
        // the few other documents are dropped after, and counted in the limit.
        let others: usize = self.ids.iter().map(Vec::len).sum();
        let query = self.terms_query(&terms, &[]);
        let searcher = self.reader.searcher();
        let collector = TopDocs::with_limit(limit + others).order_by_score();
        let Ok(top) = searcher.search(&*query, &collector) else {
            return Vec::new();
        };
        let positions = Positions::of(&searcher);
        top.into_iter()
            .filter_map(|(score, address)| match positions.get(address)? {
                (Kind::Event, ord) => Some((ord, score)),
                _ => None,
            })
            .take(limit)
            .collect()
    }

    /// Which events a request's organizer words designate ("edf", "vinci"): for each
    /// event position, [`Organized::By`] when its organizer bears one of the words,
    /// [`Organized::With`] when only a partner does (positions past the end: no). Empty
    /// when `words` is.
    pub fn organized(&self, words: &[String]) -> Vec<Organized> {
        let terms: Vec<String> = words.iter().flat_map(|w| self.analyzer.terms(w)).collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let searcher = self.reader.searcher();
        let mut marks = Vec::new();
        let positions = Positions::of(&searcher);
        for (field, mark) in [
            (self.fields.organizer, Organized::With),
            (self.fields.organizer_only, Organized::By),
        ] {
            let query = BooleanQuery::new(
                terms
                    .iter()
                    .map(|term| -> (Occur, Box<dyn Query>) {
                        let term = Term::from_field_text(field, term);
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                        )
                    })
                    .collect(),
            );
            let Ok(found) = searcher.search(&query, &DocSetCollector) else {
                continue;
            };
            for address in found {
                if let Some((Kind::Event, ord)) = positions.get(address) {
                    if marks.len() <= ord {
                        marks.resize(ord + 1, Organized::No);
                    }
                    marks[ord] = mark;
                }
            }
        }
        marks
    }

    /// Runs any tantivy query and maps the results back to items.
    pub fn run(&self, query: &dyn Query, limit: usize) -> Vec<Hit> {
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(query, &TopDocs::with_limit(limit).order_by_score()) else {
            return Vec::new();
        };
        let positions = Positions::of(&searcher);
        top.into_iter()
            .filter_map(|(score, address)| {
                let (kind, ord) = positions.get(address)?;
                let id = match kind {
                    Kind::Event => {
                        let doc: TantivyDocument = searcher.doc(address).ok()?;
                        tantivy::schema::Value::as_str(&doc.get_first(self.fields.id)?)?.to_string()
                    }
                    _ => self.ids.get(kind.code() as usize)?.get(ord)?.to_string(),
                };
                Some(Hit {
                    kind,
                    id,
                    ord,
                    score,
                })
            })
            .collect()
    }

    /// The text fields, for a query parser over the same index (the baseline).
    pub fn text_fields(&self) -> Vec<Field> {
        self.fields
            .boosted()
            .iter()
            .map(|(field, _)| *field)
            .collect()
    }
}

/// The document of an event: every field a question's words may match.
fn event_doc(fields: Fields, event: &crate::model::Event, ord: usize) -> TantivyDocument {
    let mut doc = base_doc(fields, Kind::Event, &event.id, ord);
    doc.add_text(fields.title, &event.title);
    doc.add_text(fields.organizer, &event.organizer);
    doc.add_text(fields.organizer_only, &event.organizer);
    for partner in &event.partners {
        doc.add_text(fields.organizer, partner);
    }
    for theme in &event.themes {
        doc.add_text(fields.themes, theme);
    }
    for kind in event.types.iter() {
        doc.add_text(fields.themes, kind.words());
    }
    if event.online {
        doc.add_text(fields.themes, "en ligne");
    }
    if event.mixite {
        doc.add_text(fields.audience, "filles femmes mixité");
    }
    for audience in event.audiences.iter() {
        doc.add_text(fields.audience, audience.words());
    }
    let place = &event.place;
    for part in [
        place.venue.as_deref(),
        place.commune.as_deref(),
        place.departement_name.as_deref(),
        place.region_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        doc.add_text(fields.place, part);
    }
    doc.add_text(fields.body, &event.description);
    doc
}

/// The documents of the facts, role models and topics.
fn knowledge_docs(fields: Fields, knowledge: &Knowledge) -> Vec<TantivyDocument> {
    let mut docs = Vec::new();
    for (ord, fact) in knowledge.facts.iter().enumerate() {
        let mut doc = base_doc(fields, Kind::Fact, &fact.id, ord);
        doc.add_text(fields.title, &fact.unit);
        doc.add_text(fields.themes, &fact.topic);
        for keyword in &fact.keywords {
            doc.add_text(fields.keywords, keyword);
        }
        for question in &fact.questions {
            doc.add_text(fields.body, question);
        }
        doc.add_text(fields.body, &fact.statement);
        doc.add_text(fields.body, &fact.scope);
        docs.push(doc);
    }
    for (ord, portrait) in knowledge.portraits.iter().enumerate() {
        let mut doc = base_doc(fields, Kind::Portrait, &portrait.id, ord);
        doc.add_text(fields.title, &portrait.name);
        doc.add_text(fields.title, &portrait.job);
        doc.add_text(fields.organizer, &portrait.company);
        doc.add_text(fields.place, &portrait.departement_name);
        if let Some(age) = portrait.age {
            // "quelqu'un de 23 ans".
            doc.add_text(fields.body, format!("{age} ans"));
        }
        for keyword in &portrait.keywords {
            doc.add_text(fields.keywords, keyword);
        }
        for question in &portrait.questions {
            doc.add_text(fields.body, question);
        }
        doc.add_text(fields.body, &portrait.quote);
        docs.push(doc);
    }
    for (ord, topic) in knowledge.topics.iter().enumerate() {
        let mut doc = base_doc(fields, Kind::Topic, &topic.id, ord);
        doc.add_text(fields.title, &topic.title);
        for keyword in &topic.keywords {
            doc.add_text(fields.keywords, keyword);
        }
        for question in &topic.questions {
            doc.add_text(fields.body, question);
        }
        doc.add_text(fields.body, &topic.text);
        docs.push(doc);
    }
    docs
}

fn base_doc(fields: Fields, kind: Kind, id: &str, ord: usize) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, kind.as_str());
    doc.add_u64(fields.kind_code, kind.code());
    doc.add_u64(fields.ord, ord as u64);
    doc.add_text(fields.id, id);
    doc
}

/// Removes the indexes of other fingerprints and abandoned builds under `root`.
fn remove_stale(root: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_index = name.len() == 16 && name.chars().all(|c| c.is_ascii_hexdigit());
        // A build left by a process that died; a build younger than an hour may still be
        // running in another process.
        let is_abandoned_build = name.starts_with(".building-")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600);
        if ((is_index && name != keep) || is_abandoned_build)
            && let Err(err) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!(
                "could not remove stale index {}: {err}",
                entry.path().display()
            );
        }
    }
}

/// Whether an event is organized by someone a request names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Organized {
    /// Neither its organizer nor its partners bear the words.
    No,
    /// A partner bears one of the words.
    With,
    /// Its organizer bears one of the words.
    By,
}

/// The kind and position of documents, read from fast fields: no document is read.
struct Positions(Vec<Option<(Column<u64>, Column<u64>)>>);

impl Positions {
    fn of(searcher: &Searcher) -> Positions {
        Positions(
            searcher
                .segment_readers()
                .iter()
                .map(|segment| {
                    let fast = segment.fast_fields();
                    Some((fast.u64("kind_code").ok()?, fast.u64("ord").ok()?))
                })
                .collect(),
        )
    }

    fn get(&self, address: DocAddress) -> Option<(Kind, usize)> {
        let (kinds, ords) = self.0.get(address.segment_ord as usize)?.as_ref()?;
        let kind = *Kind::ALL.get(kinds.first(address.doc_id)? as usize)?;
        Some((kind, ords.first(address.doc_id)? as usize))
    }
}
