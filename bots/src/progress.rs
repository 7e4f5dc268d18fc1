//! Progress bars for long tasks (building the index of a large agenda, importing one),
//! drawn on stderr when it is a terminal and nowhere when it is piped.

use std::cell::RefCell;

use boussole_core::answer::labels;
use boussole_core::progress::{Progress, Task};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Draws the core's progress reports as indicatif bars.
#[derive(Default)]
pub struct Bars {
    bar: RefCell<Option<ProgressBar>>,
}

impl Progress for Bars {
    fn start(&self, task: Task, total: u64) {
        // indicatif hides a bar whose target is not a terminal: piped output stays clean.
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} restantes)")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(labels::task(task));
        *self.bar.borrow_mut() = Some(bar);
    }

    fn set(&self, done: u64) {
        if let Some(bar) = &*self.bar.borrow() {
            bar.set_position(done);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
