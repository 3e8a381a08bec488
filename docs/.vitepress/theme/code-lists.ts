/**
 * The filters of each code set's list, and the highlight of the entry a link points to. The pages hold
 * every entry and a hidden filter form (gen writes both): a reader without JavaScript sees the whole list,
 * and this script, run in the page with no server behind it, shows the form and hides what it filters out.
 *
 * A form's selects are named after the entries' data attributes (select "scope" matches data-scope), so a
 * new facet needs no change here.
 */

/** Shows and wires every filter form on the page that is not wired yet, then marks the linked entry. */
export function enhanceCodeLists(root: Document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>("form.cb-filter:not([data-ready])")) wireFilter(root, form);
  markTarget(root);
}

/**
 * Marks the entry named by the URL's fragment with .cb-target. CSS :target does the same on a page load,
 * but VitePress moves between pages and anchors with history.pushState, which :target does not follow.
 * A linked entry that the filters hide is shown again by clearing its list's filters.
 */
export function markTarget(root: Document): void {
  for (const marked of root.querySelectorAll(".cb-entry.cb-target")) marked.classList.remove("cb-target");
  const id = fragmentId(root.location.hash);
  if (id === "") return;
  const entry = root.getElementById(id);
  if (entry === null || !entry.classList.contains("cb-entry")) return;
  entry.classList.add("cb-target");
  if (entry.hidden) {
    const form = [...root.querySelectorAll<HTMLFormElement>("form.cb-filter")].find((f) => f.dataset["set"] === entry.dataset["set"]);
    form?.reset();
    form?.dispatchEvent(new Event("input"));
  }
}

function wireFilter(root: Document, form: HTMLFormElement): void {
  form.dataset["ready"] = "true";
  const set = form.dataset["set"] ?? "";
  const inSet = (element: HTMLElement) => element.dataset["set"] === set;
  const entries = [...root.querySelectorAll<HTMLElement>(".cb-entry")].filter(inSet);
  const groups = [...root.querySelectorAll<HTMLElement>(".cb-group")].filter(inSet);
  const texts = new Map(entries.map((entry) => [entry, searchableText(entry)]));
  const selects = [...form.querySelectorAll("select")];
  const input = form.querySelector<HTMLInputElement>('input[name="text"]');
  const count = form.querySelector("output");
  const apply = () => {
    const words = normalise(input?.value ?? "")
      .split(" ")
      .filter((word) => word !== "");
    const chosen = selects.filter((select) => select.value !== "");
    let shown = 0;
    for (const entry of entries) {
      const text = texts.get(entry) ?? "";
      const visible = chosen.every((select) => entry.dataset[select.name] === select.value) && words.every((word) => text.includes(word));
      entry.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of groups) group.hidden = group.querySelector(".cb-entry:not([hidden])") === null;
    if (count !== null) count.textContent = shown === entries.length ? `${entries.length} entries` : `${shown} of ${entries.length} entries`;
  };
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  // A reset restores the controls only after its event, so the list follows on the next task.
  form.addEventListener("reset", () => setTimeout(apply));
  form.hidden = false;
  apply();
}

/** What the text filter matches: the code, the name and every value, not the field labels. */
function searchableText(entry: HTMLElement): string {
  const parts = [entry.querySelector(".cb-entry-title")?.textContent ?? ""];
  for (const value of entry.querySelectorAll("dd")) parts.push(value.textContent ?? "");
  return normalise(parts.join(" "));
}

function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, " ").trim();
}

function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}
