// The safe Markdown subset of messages: **bold**, *italics* (or _italics_), `code`,
// ```code blocks```, [links](https://…) and bare http(s) links, and @mentions. parse()
// is a pure function from text to a small tree; render() turns that tree into DOM nodes
// with createElement and text nodes only, so nothing a user writes is ever parsed as
// HTML. Whatever is not in the subset stays as it was typed.

const CODE_BLOCK = /```(?:[A-Za-z0-9+#-]*\n)?([\s\S]*?)```/g;

// One alternative per inline form; at a given position the first that matches wins.
const INLINE = new RegExp(
  [
    /`([^`\n]+)`/.source, // 1: code
    /\*\*(?=\S)([\s\S]*?\S)\*\*/.source, // 2: bold
    /\*(?=[^\s*])([^*\n]*?[^\s*])\*/.source, // 3: italics with *
    /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/.source, // 4: italics with _
    /\[([^\]\n]+)\]\((\S+?)\)/.source, // 5, 6: a link with its text
    /(https?:\/\/[^\s<>]*[^\s<>.,;:!?'")\]])/.source, // 7: a bare link
    /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9_.-]*[A-Za-z0-9_])/.source, // 8: a mention
  ].join("|"),
  "gu",
);

/**
 * The tree of a message's text: nodes {type: "text"|"code"|"codeblock"|"mention", text},
 * {type: "bold"|"italic", children} and {type: "link", href, children}.
 */
export function parse(text) {
  const nodes = [];
  let from = 0;
  for (const match of text.matchAll(CODE_BLOCK)) {
    nodes.push(...parseInline(text.slice(from, match.index)));
    nodes.push({ type: "codeblock", text: match[1] });
    from = match.index + match[0].length;
  }
  nodes.push(...parseInline(text.slice(from)));
  return nodes;
}

function parseInline(text) {
  const nodes = [];
  let from = 0;
  const plain = (to) => {
    if (to > from) pushText(nodes, text.slice(from, to));
  };
  for (const match of text.matchAll(INLINE)) {
    const node = inlineNode(match);
    if (!node) continue; // e.g. a link to something other than http(s): stays text
    plain(match.index);
    nodes.push(node);
    from = match.index + match[0].length;
  }
  plain(text.length);
  return nodes;
}

function inlineNode(match) {
  const [whole, code, bold, starred, underscored, linkText, linkHref, bare, mention] = match;
  if (code !== undefined) return { type: "code", text: code };
  if (bold !== undefined) return { type: "bold", children: parseInline(bold) };
  if (starred !== undefined) return { type: "italic", children: parseInline(starred) };
  if (underscored !== undefined) return { type: "italic", children: parseInline(underscored) };
  if (linkText !== undefined) {
    const href = webAddress(linkHref);
    return href ? { type: "link", href, children: parseInline(linkText).filter((n) => n.type !== "link") } : null;
  }
  if (bare !== undefined) {
    const href = webAddress(bare);
    return href ? { type: "link", href, children: [{ type: "text", text: whole }] } : null;
  }
  if (mention !== undefined) return { type: "mention", text: mention };
  return null;
}

/** The address if it is an http or https URL, else null. */
export function webAddress(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function pushText(nodes, text) {
  const last = nodes[nodes.length - 1];
  if (last?.type === "text") last.text += text;
  else nodes.push({ type: "text", text });
}

/**
 * DOM nodes for a message's text.
 * @param me the current user's username: mentions of them are marked
 */
export function render(text, me) {
  return parse(text).map((node) => toDom(node, me));
}

function toDom(node, me) {
  switch (node.type) {
    case "text":
      return document.createTextNode(node.text);
    case "code":
      return element("code", node.text);
    case "codeblock": {
      const pre = document.createElement("pre");
      pre.append(element("code", node.text));
      return pre;
    }
    case "bold":
    case "italic": {
      const wrapper = document.createElement(node.type === "bold" ? "strong" : "em");
      wrapper.append(...node.children.map((child) => toDom(child, me)));
      return wrapper;
    }
    case "link": {
      const link = document.createElement("a");
      link.href = node.href;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      link.append(...node.children.map((child) => toDom(child, me)));
      return link;
    }
    case "mention": {
      const mention = element("span", "@" + node.text);
      mention.className = node.text.toLowerCase() === me?.toLowerCase() ? "mention me" : "mention";
      return mention;
    }
    default:
      return document.createTextNode("");
  }
}

function element(name, text) {
  const created = document.createElement(name);
  created.textContent = text;
  return created;
}
