//! Baogao's web app: paste or drop reports and see their metadata, structure, statistics and the
//! findings of the draft checks, all computed in the browser by `baogao-core`. Nothing leaves
//! the page: there is no server and no network request after load.

mod components;
mod hooks;
mod i18n;
mod pdf;
mod services;
mod state;
pub mod worker;

pub use components::app::App;

/// Mount the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
