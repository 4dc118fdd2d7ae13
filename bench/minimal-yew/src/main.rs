//! A minimal Yew page for the benchmark's load baseline (`cargo xtask bench`): one component
//! that renders a heading and, once mounted, posts `{type: "ready"}` to its window's parent,
//! as the playground does.

#[cfg(target_arch = "wasm32")]
mod page {
    use wasm_bindgen::JsValue;
    use yew::prelude::*;

    #[function_component]
    fn App() -> Html {
        use_effect_with((), |_| {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"ready".into());
            if let Some(window) = web_sys::window() {
                let target = window.parent().ok().flatten().unwrap_or(window);
                let _ = target.post_message(&JsValue::from(message), "*");
            }
        });
        html! { <h1>{ "Minimal Yew" }</h1> }
    }

    pub fn start() {
        yew::Renderer::<App>::new().render();
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    page::start();
}
