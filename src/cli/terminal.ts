/**
 * Terminal conventions: colour and a progress line, decided from the environment the way Node and most
 * tools do. FORCE_COLOR, when set, decides (0 or false: off; anything else, even empty: on); else
 * NO_COLOR set to anything but the empty string turns colour off (no-color.org); else colour is on for
 * a TTY whose TERM is not dumb.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTty && env.TERM !== "dumb";
}

const RESET = "\u001b[0m";
const STYLES = { red: "\u001b[31m", yellow: "\u001b[33m", cyan: "\u001b[36m", dim: "\u001b[2m", bold: "\u001b[1m" } as const;

function paint(style: keyof typeof STYLES, text: string): string {
  return `${STYLES[style]}${text}${RESET}`;
}

/** A diagnostic's head: `file:line:column severity rule message` (see formatDiagnosticsText). */
const HEAD = /^(\S.*?:\d+:\d+) (error|warning) (\S+)( .*)?$/;
/** A code frame's source line (`>  14 | ...` marks the finding's line) and its caret line. */
const FRAME_LINE = /^([ >]) ( *\d+) \|(.*)$/;
const CARET_LINE = /^( +)\|( *)\^$/;

/**
 * Colours the diagnostics in a block of text as formatDiagnosticsText lays them out: the severity red or
 * yellow, the rule dim, the frame's gutter dim and the marker and caret bold red. Other lines pass as
 * they are. Catalog text reaches this already escaped (no control characters), so colouring never
 * combines with an escape sequence from a catalog.
 */
export function colourDiagnostics(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const head = HEAD.exec(line);
      if (head) {
        const [, place = "", severity = "", rule = "", message = ""] = head;
        return `${paint("bold", place)} ${paint(severity === "error" ? "red" : "yellow", severity)} ${paint("dim", rule)}${message}`;
      }
      const frame = FRAME_LINE.exec(line);
      if (frame) {
        const [, marker = "", number = "", source = ""] = frame;
        return `${marker === ">" ? paint("red", ">") : " "} ${paint("dim", `${number} |`)}${source}`;
      }
      const caret = CARET_LINE.exec(line);
      if (caret) return `${caret[1]}${paint("dim", "|")}${caret[2]}${paint("red", "^")}`;
      return line;
    })
    .join("\n");
}

/** Section headings and labels in explain's text output. */
export function colourLabel(text: string, colour: boolean): string {
  return colour ? paint("cyan", text) : text;
}

export function colourTitle(text: string, colour: boolean): string {
  return colour ? paint("bold", text) : text;
}

/** After this long, a run that is still going shows how far it has got. */
const PROGRESS_AFTER_MS = 1000;
/** And then redraws its line at most this often. */
const PROGRESS_EVERY_MS = 100;

/**
 * A progress line on stderr (`gen: 420/1000 catalogs`), drawn over itself with a carriage return, shown
 * only once a run has taken a second, and cleared before anything else is written to stderr. Driven by
 * the pipeline's progress callback, which runs on the main thread between jobs, so no timer is needed.
 */
export class ProgressLine {
  private readonly start = Date.now();
  private lastDrawn = 0;
  private shown = false;

  constructor(private readonly write: (text: string) => void) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (now - this.start < PROGRESS_AFTER_MS || now - this.lastDrawn < PROGRESS_EVERY_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    this.write(`\r\u001b[2Kgen: ${done}/${total} catalogs`);
  }

  /** Removes the line, if it was drawn. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.write("\r\u001b[2K");
  }
}
