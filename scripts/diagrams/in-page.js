/*
 * Runs inside the renderer's about:blank page, after mermaid.min.js (plain browser JS, so neither
 * tsx nor esbuild touches it). render.ts calls window.diagramRender, window.diagramContrast and
 * window.diagramFinish in turn; each theme's <svg> has its own host <div>, shown alone.
 */
(function () {
  'use strict';

  function message(error) {
    if (error && typeof error.message === 'string') return error.message;
    if (error && typeof error.str === 'string') return error.str;
    return String(error);
  }

  /** Parses, then renders into the host. Returns {error} or the raw viewBox. */
  /** Shows only the host `name` (one per theme), on its page background; creates it when needed. */
  function show(name, background) {
    let host = document.getElementById(name);
    if (!host) {
      host = document.createElement('div');
      host.id = name;
      host.className = 'host';
      document.body.appendChild(host);
    }
    for (const other of document.querySelectorAll('.host')) other.style.display = other === host ? 'inline-block' : 'none';
    document.body.style.background = background;
    return host;
  }

  window.diagramRender = async function ({host: name, id, text, config, background}) {
    const mermaid = window.mermaid;
    const host = show(name, background);
    host.replaceChildren();
    mermaid.initialize(config);
    try {
      await mermaid.parse(text);
    } catch (error) {
      return {error: message(error)};
    }
    let svg;
    try {
      ({svg} = await mermaid.render(id, text));
    } catch (error) {
      return {error: message(error)};
    }
    host.innerHTML = svg;
    const root = host.querySelector('svg');
    // Drop max-width and friends so the diagram is laid out at its natural size for the checks.
    root.removeAttribute('style');
    const box = root.viewBox.baseVal;
    if (!box || !box.width || !box.height) return {error: 'mermaid produced an <svg> without a viewBox'};
    root.setAttribute('width', String(box.width));
    root.setAttribute('height', String(box.height));
    return {x: box.x, y: box.y, width: box.width, height: box.height};
  };

  function parseColor(value) {
    const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value || '');
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return {r: +m[1], g: +m[2], b: +m[3], a};
  }

  function hex(c) {
    return '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  }

  function luminance(c) {
    const lin = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  }

  function contrast(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  function over(top, alpha, bottom) {
    return {
      r: top.r * alpha + bottom.r * (1 - alpha),
      g: top.g * alpha + bottom.g * (1 - alpha),
      b: top.b * alpha + bottom.b * (1 - alpha),
      a: 1,
    };
  }

  /** opacity of el times that of every ancestor up to the <svg>. */
  function opacity(el, root) {
    let o = 1;
    for (let n = el; n && n !== root.parentNode; n = n.parentNode) {
      if (n.nodeType === 1) o *= parseFloat(getComputedStyle(n).opacity || '1');
    }
    return o;
  }

  /**
   * For every visible piece of text: its font size (the smallest is reported) and its colour against what is painted under its centre
   * (node fills, label backgrounds, cluster fills, composited, over the page background).
   */
  window.diagramContrast = function ({host: name, background, min}) {
    const root = show(name, background).querySelector('svg');
    const page = parseColor(getComputedStyle(document.body).backgroundColor);
    const failures = [];
    let checked = 0;
    let lowest = Infinity;
    let smallestFont = Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('style, title, desc, defs, marker')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      smallestFont = Math.min(smallestFont, parseFloat(style.fontSize));
      const isSvg = el instanceof SVGElement;
      let ink = parseColor(isSvg ? style.fill : style.color);
      if (!ink && isSvg) ink = parseColor(style.color);
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) {
        failures.push({text, detail: `lies outside the ${window.innerWidth}×${window.innerHeight} viewport, so it could not be checked`});
        continue;
      }
      const layers = [];
      for (const hit of document.elementsFromPoint(x, y)) {
        if (hit === el || hit.contains(el) || el.contains(hit)) continue;
        if (hit.closest('text')) continue;
        if (!(hit instanceof SVGGeometryElement) && !(hit instanceof HTMLElement && hit.closest('foreignObject'))) continue;
        const cs = getComputedStyle(hit);
        const fill = parseColor(hit instanceof SVGElement ? cs.fill : cs.backgroundColor);
        if (!fill || fill.a === 0) continue;
        const alpha = fill.a * (hit instanceof SVGElement ? parseFloat(cs.fillOpacity || '1') : 1) * opacity(hit, root);
        if (alpha <= 0) continue;
        layers.push({fill, alpha});
        if (alpha >= 1) break;
      }
      let under = page;
      for (let i = layers.length - 1; i >= 0; i--) under = over(layers[i].fill, layers[i].alpha, under);
      checked++;
      if (!ink) {
        failures.push({text, detail: `its colour "${isSvg ? style.fill : style.color}" could not be read`});
        continue;
      }
      const inkAlpha = ink.a * (isSvg ? parseFloat(style.fillOpacity || '1') : 1) * opacity(el, root);
      const seen = over(ink, inkAlpha, under);
      const ratio = contrast(seen, under);
      lowest = Math.min(lowest, ratio);
      if (ratio < min) {
        failures.push({text, detail: `${hex(seen)} on ${hex(under)} is ${ratio.toFixed(2)}:1, needs ${min}:1`});
      }
    }
    return {checked, failures, lowest: Math.floor(lowest * 100) / 100, smallestFont};
  };

  /**
   * Gives the <svg> the agreed integer size (the viewBox grown around its centre), the page
   * background, and a <title>; returns the serialized markup.
   */
  window.diagramFinish = function ({host: name, width, height, background, title}) {
    const root = show(name, background).querySelector('svg');
    const box = root.viewBox.baseVal;
    const round = (v) => Math.round(v * 100) / 100;
    const x = round(box.x - (width - box.width) / 2);
    const y = round(box.y - (height - box.height) / 2);
    root.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(height));
    root.setAttribute('style', `background-color:${background}`);
    root.setAttribute('role', 'img');
    root.removeAttribute('aria-roledescription');
    for (const old of root.querySelectorAll(':scope > title, :scope > desc')) old.remove();
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    t.textContent = title;
    root.insertBefore(t, root.firstChild);
    slim(root);
    return new XMLSerializer().serializeToString(root);
  };

  const GEOMETRY = ['d', 'points', 'transform', 'x', 'y', 'width', 'height', 'rx', 'ry', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'dx', 'dy'];

  /**
   * Drops what cannot change the picture: CSS rules that match nothing, markers nothing uses,
   * mermaid's data-* bookkeeping, empty styles; and rounds coordinates to 1/100 px.
   */
  function slim(root) {
    // Unused markers and symbols (mermaid defines every arrow head and actor icon for each diagram).
    const used = new Set();
    for (const el of root.querySelectorAll('*')) {
      for (const attr of ['marker-start', 'marker-mid', 'marker-end', 'style', 'fill', 'stroke', 'filter', 'clip-path', 'mask']) {
        const value = el.getAttribute(attr);
        if (!value) continue;
        for (const m of value.matchAll(/url\(\s*["']?#([^"')\s]+)["']?\s*\)/g)) used.add(m[1]);
      }
      const href = el.getAttribute('href') || el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
      if (href && href.startsWith('#')) used.add(href.slice(1));
    }
    for (const def of root.querySelectorAll('marker[id], symbol[id]')) {
      if (!used.has(def.id)) def.remove();
    }
    for (const defs of root.querySelectorAll('defs')) {
      if (!defs.firstElementChild) defs.remove();
    }
    // CSS rules whose selector matches nothing left in the SVG.
    for (const style of root.querySelectorAll('style')) {
      const sheet = style.sheet;
      if (!sheet) continue;
      const kept = [];
      let animated = false;
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSStyleRule) {
          let hit = false;
          try {
            hit = root.matches(rule.selectorText) || root.querySelector(rule.selectorText) !== null;
          } catch {
            hit = true; // a selector the engine cannot test: keep it
          }
          if (!hit) continue;
          if (/animation/.test(rule.style.cssText)) animated = true;
          kept.push(rule);
        } else if (!(rule instanceof CSSKeyframesRule)) {
          kept.push(rule);
        }
      }
      const keyframes = animated ? [...sheet.cssRules].filter((r) => r instanceof CSSKeyframesRule) : [];
      style.textContent = [...keyframes, ...kept].map((r) => r.cssText).join('');
    }
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const name of el.getAttributeNames()) {
        if (name.startsWith('data-')) el.removeAttribute(name);
      }
      const style = el.getAttribute('style');
      if (style !== null && !style.replace(/[\s;]/g, '')) el.removeAttribute('style');
      for (const name of GEOMETRY) {
        const value = el.getAttribute(name);
        if (value && /\d\.\d{3}/.test(value)) {
          el.setAttribute(name, value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(parseFloat(n) * 100) / 100)));
        }
      }
    }
  }
})();
