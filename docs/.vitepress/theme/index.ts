import DefaultTheme from "vitepress/theme";
import "./custom.css";

/** The default theme, with a little CSS for wide code tables and the sidebar's code counts. */
export default DefaultTheme;
