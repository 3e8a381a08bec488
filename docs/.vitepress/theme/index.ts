import { inBrowser, onContentUpdated, type Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { enhanceCodeLists, markTarget } from "./code-lists.js";
import "./custom.css";

/** The default theme, with the code lists' layout (custom.css) and their filters (code-lists.ts). */
const theme: Theme = {
  extends: DefaultTheme,
  setup() {
    // After every render of a page's content: the first load, and each move to another page.
    onContentUpdated(() => enhanceCodeLists(document));
    // Moves between anchors of one page: VitePress dispatches hashchange after its pushState.
    if (inBrowser) window.addEventListener("hashchange", () => markTarget(document));
  },
};

export default theme;
