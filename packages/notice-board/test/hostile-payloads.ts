/**
 * Real-world XSS payloads, gathered from the OWASP XSS Filter Evasion Cheat
 * Sheet, PortSwigger's XSS cheat sheet, the HTML5 Security Cheatsheet and
 * published DOMPurify/mXSS bypasses. The sanitising tests put each one into
 * titles, summaries, tags, attachment names and content of all three feed
 * formats (and into CAP alerts), render them and open every notice.
 *
 * Every payload that could run script sets the canary `window.__pwned`
 * (never `alert()`, which would block the test page). Payloads that could make
 * the page load something write `BEACON`, which `materialize` turns into a
 * URL of the test server that records every hit: nothing may ever load one.
 */
export interface HostilePayload {
  /** What the payload tries, for failure messages. */
  name: string;
  payload: string;
}

export const hostilePayloads: readonly HostilePayload[] = [
  // Script elements
  { name: 'script tag', payload: '<script>window.__pwned=1</script>' },
  { name: 'external script', payload: '<SCRIPT SRC=BEACON></SCRIPT>' },
  { name: 'nested script to beat naive filters', payload: '<scr<script>ipt>window.__pwned=3</scr</script>ipt>' },
  { name: 'malformed IMG then script (OWASP)', payload: '<IMG """><SCRIPT>window.__pwned=4</SCRIPT>">' },
  { name: 'attribute breakout then script', payload: '"><script>window.__pwned=5</script>' },
  { name: 'closing title then script', payload: '</title><script>window.__pwned=6</script>' },
  { name: 'closing the RSS CDATA then script', payload: ']]><script>window.__pwned=7</script><![CDATA[' },
  { name: 'closing textarea then script', payload: '</textarea><script>window.__pwned=8</script>' },

  // Event handlers
  { name: 'img onerror', payload: '<img src=x onerror=window.__pwned=9>' },
  { name: 'img onerror, quoted, self-closing', payload: '<img src="x" onerror="window.__pwned=10" />' },
  { name: 'img onerror eval(alt)', payload: '<img src=x onerror=eval(alt) alt="window.__pwned=11">' },
  { name: 'img onerror entity-encoded handler', payload: '<img src=x onerror="&#119;&#105;&#110;dow.__pwned=12">' },
  { name: 'unclosed img', payload: "<img src=x onerror=window.__pwned=13//" },
  { name: 'quote breakout to img', payload: '\'"><img src=x onerror=window.__pwned=14>' },
  { name: 'svg onload', payload: '<svg onload=window.__pwned=15>' },
  { name: 'svg animate onbegin', payload: '<svg><animate onbegin=window.__pwned=16 attributeName=x dur=1s>' },
  { name: 'body onload', payload: '<body onload=window.__pwned=17>' },
  { name: 'details ontoggle', payload: '<details open ontoggle=window.__pwned=18><summary>展开</summary></details>' },
  { name: 'video source onerror', payload: '<video><source onerror="window.__pwned=19"></video>' },
  { name: 'video onerror', payload: '<video src=x onerror=window.__pwned=20></video>' },
  { name: 'audio onerror', payload: '<audio src=x onerror=window.__pwned=21></audio>' },
  { name: 'input autofocus onfocus', payload: '<input autofocus onfocus=window.__pwned=22>' },
  { name: 'marquee onstart', payload: '<marquee onstart=window.__pwned=23>跑马灯</marquee>' },
  { name: 'handler on an allowed tag', payload: '<p onmouseover="window.__pwned=24" onclick="window.__pwned=24">移过来</p>' },
  { name: 'handler on an allowed link', payload: '<a href="https://www.example.com/" onclick="window.__pwned=25" target="_blank">正常链接</a>' },
  { name: 'focusable div autofocus', payload: '<div tabindex="1" onfocusin="window.__pwned=26" autofocus>x</div>' },
  { name: 'input type=image onerror', payload: '<input type=image src=x onerror=window.__pwned=27>' },
  { name: 'dynamic import from onerror', payload: "<img src=x onerror=\"import('data:text/javascript,window.__pwned=28')\">" },

  // Script URLs
  { name: 'javascript: href', payload: '<a href="javascript:window.__pwned=29">点击查看</a>' },
  { name: 'mixed-case javascript: href', payload: '<a href="JaVaScRiPt:window.__pwned=30">x</a>' },
  { name: 'decimal-entity javascript: href', payload: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__pwned=31">x</a>' },
  { name: 'hex-entity and &colon; javascript: href', payload: '<a href="&#x6A;avascript&colon;window.__pwned=32">x</a>' },
  { name: 'tab inside javascript:', payload: '<a href="jav&#x09;ascript:window.__pwned=33">x</a>' },
  { name: 'leading control characters before javascript:', payload: '<a href=" &#14;  javascript:window.__pwned=34">x</a>' },
  { name: 'data: text/html href', payload: '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0yMjwvc2NyaXB0Pg==">x</a>' },
  { name: 'vbscript: href', payload: '<a href="vbscript:msgbox(36)">x</a>' },
  { name: 'javascript: img src', payload: '<IMG SRC="javascript:window.__pwned=37">' },
  { name: 'data: SVG image', payload: '<img src="data:image/svg+xml;utf8,<svg xmlns=\'http://www.w3.org/2000/svg\' onload=\'window.__pwned=38\'/>" alt="">' },
  { name: 'svg xlink:href javascript:', payload: '<svg><a xlink:href="javascript:window.__pwned=39"><text x="20" y="20">点击</text></a></svg>' },
  { name: 'math href javascript:', payload: '<math href="javascript:window.__pwned=40">CLICK</math>' },
  { name: 'form action javascript:', payload: '<form action="javascript:window.__pwned=41"><button>提交</button></form>' },
  { name: 'button formaction javascript:', payload: '<form><button formaction="javascript:window.__pwned=42">提交</button></form>' },
  { name: 'table background', payload: '<table background="javascript:window.__pwned=43"><tr><td background=BEACON>x</td></tr></table>' },

  // Frames and plug-ins
  { name: 'iframe javascript: src', payload: '<iframe src="javascript:parent.__pwned=44"></iframe>' },
  { name: 'iframe srcdoc', payload: '<iframe srcdoc="<script>parent.__pwned=45</script>"></iframe>' },
  { name: 'iframe data: src', payload: '<iframe src="data:text/html,<script>parent.__pwned=46</script>"></iframe>' },
  { name: 'iframe beacon', payload: '<iframe src=BEACON></iframe>' },
  { name: 'object javascript: data', payload: '<object data="javascript:window.__pwned=48"></object>' },
  { name: 'object data: html', payload: '<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD02OTwvc2NyaXB0Pg==" type="text/html"></object>' },
  { name: 'object beacon', payload: '<object data=BEACON type=text/html></object>' },
  { name: 'embed beacon', payload: '<embed src=BEACON>' },
  { name: 'embed javascript:', payload: '<embed src="javascript:window.__pwned=52">' },
  { name: 'svg foreignObject iframe srcdoc', payload: '<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.__pwned=53&lt;/script&gt;"></iframe></foreignObject></svg>' },

  // Document-level elements
  { name: 'meta refresh javascript:', payload: '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=54">' },
  { name: 'meta refresh beacon', payload: '<meta http-equiv="refresh" content="0;url=BEACON">' },
  { name: 'base href', payload: '<base href="BEACON/">' },
  { name: 'link stylesheet', payload: '<link rel=stylesheet href=BEACON>' },
  { name: 'link import', payload: '<link rel=import href=BEACON>' },

  // Styles
  { name: 'style @import', payload: "<style>@import 'BEACON';</style>" },
  { name: 'style attribute url()', payload: '<div style="background:url(BEACON)">背景</div>' },
  { name: 'style attribute expression()', payload: '<div style="width: expression(window.__pwned=61)">x</div>' },
  { name: 'style element expression()', payload: '<style>*{x:expression(window.__pwned=62)}</style>' },
  { name: 'style hiding the page', payload: '<style>:host, body { display: none !important }</style><p style="position:fixed;inset:0;background:red">假通知</p>' },

  // Mutation XSS and parser confusion
  { name: 'noscript mXSS', payload: '<noscript><p title="</noscript><img src=x onerror=window.__pwned=64>">' },
  { name: 'svg/style namespace confusion (DOMPurify 2.0.0 bypass)', payload: '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=65>">' },
  { name: 'math/mglyph/style mXSS (DOMPurify 2.0.17 bypass)', payload: '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=66>' },
  { name: 'nested forms mXSS (DOMPurify 2.2.2 bypass)', payload: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__pwned=67>' },
  { name: 'svg style text', payload: '<svg><style><img src=x onerror=window.__pwned=68></style></svg>' },
  { name: 'noembed title breakout', payload: '<noembed><img title="</noembed><img src onerror=window.__pwned=69>"></noembed>' },
  { name: 'textarea title breakout', payload: '<textarea><img title="</textarea><img src onerror=window.__pwned=70>"></textarea>' },
  { name: 'iframe title breakout', payload: '<iframe><img title="</iframe><img src onerror=window.__pwned=71>"></iframe>' },
  { name: 'select/template/style', payload: '<select><template><style><img title="</style><img src onerror=window.__pwned=72>"></template></select>' },
  { name: 'comment breaking <!-->', payload: '<!--><img src=x onerror=window.__pwned=73>-->' },
  { name: 'comment breaking --!>', payload: '<!-- --!><img src=x onerror=window.__pwned=74> -->' },
  { name: 'CDATA in HTML', payload: '<![CDATA[><img src=x onerror=window.__pwned=75>]]>' },
  { name: 'xmp raw text', payload: '<xmp><img src=x onerror=window.__pwned=76></xmp>' },

  // Templates and shadow roots
  { name: 'template content', payload: '<template><img src=x onerror=window.__pwned=77></template>' },
  { name: 'declarative shadow root', payload: '<div><template shadowrootmode="open"><img src=x onerror=window.__pwned=78></template></div>' },
  { name: 'svg use data: URL', payload: '<svg><use href="data:image/svg+xml,&lt;svg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'&gt;&lt;image href=\'1\' onerror=\'window.__pwned=79\'/&gt;&lt;/svg&gt;#x"/></svg>' },

  // DOM clobbering and id collisions
  { name: 'clobbering window.__pwned', payload: '<img id="__pwned" name="__pwned" src="x" alt="">' },
  { name: 'clobbering the search field id', payload: '<form id="notice-search"><input name="value"></form><a id="notice-search" href="https://www.example.com/">x</a>' },
  { name: 'clobbering a content region id', payload: '<p id="notice-0-content">冒充</p><a name="notice-1-content" href="https://www.example.com/">x</a>' },

  // Entity-encoded and look-alike text: must stay text, never become markup
  { name: 'entity-encoded img', payload: '&lt;img src=x onerror=window.__pwned=83&gt;' },
  { name: 'double-encoded script', payload: '&amp;lt;script&amp;gt;window.__pwned=84&amp;lt;/script&amp;gt;' },
  { name: 'fullwidth brackets', payload: '＜script＞window.__pwned=85＜/script＞' },
  { name: 'Chinese text around a script', payload: '关于<script>window.__pwned=86</script>停水的通知' },
  { name: 'newline inside the tag', payload: '<img\nsrc=x\nonerror=window.__pwned=87>' },
];

/** The payloads with BEACON replaced by URLs of the test server that record any hit (one per payload). */
export function materialize(beaconBase: string): string[] {
  return hostilePayloads.map(({ payload }, index) => payload.replaceAll('BEACON', `${beaconBase}/beacon/${index}`));
}

/** Elements that must never appear anywhere in the board's shadow root. */
export const forbiddenElements = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'textarea', 'select', 'option', 'style', 'base',
  'meta', 'link', 'svg', 'math', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'video', 'audio', 'source', 'track',
  'marquee', 'details', 'body', 'html', 'head', 'title', 'portal', 'animate', 'set', 'use', 'foreignobject', 'image', 'param',
];

/** What sanitised content may hold: the sanitiser's allow-list. Anything else inside `.content` is a failure. */
export const allowedContentElements = [
  'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'u', 's', 'small', 'sub', 'sup', 'abbr', 'time', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span',
];
