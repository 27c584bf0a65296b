// Progressive enhancement for the hotline: Ctrl+Enter (Cmd+Enter on a Mac) saves the intake form
// from any field, so the hands stay on the keyboard. Without JavaScript the button does the same.
document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const form = event.target instanceof Element ? event.target.closest("form[data-ctrl-enter]") : null;
    if (!form) return;
    event.preventDefault();
    form.requestSubmit(form.querySelector("button.primary") ?? undefined);
});
