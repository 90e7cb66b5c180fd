/* The scenario editor, enhanced. Everything here also works without it (scenarios/forms.py):
 * - each choice's "leads to" list follows the nodes as the author adds, retitles, rekeys
 *   or deletes them, so a node added in the same unsaved form can be picked, and a choice
 *   follows a node whose key is changed (the server does the same on save);
 * - the outcome and summary show only on endings, and choices only on other nodes;
 * - a link from the map to a node (#inline_child_nodes-N) opens the Graph tab at it.
 */
(function () {
  "use strict";

  var NODE_FIELD = /^nodes-(\d+)-(key|title|kind)$/;
  var knownKeys = {}; // node index -> key last seen, to notice renames

  // As django.utils.text.slugify, which makes the key on the server when it is left blank.
  function slugify(text) {
    return text
      .normalize("NFKD")
      .replace(/[^\x00-\x7f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "")
      .slice(0, 60);
  }

  function field(index, name) {
    return document.querySelector('[name="nodes-' + index + "-" + name + '"]');
  }

  function isDeleted(prefix) {
    var marker = document.querySelector('[name="' + prefix + '-DELETE"]');
    return Boolean(marker && (marker.value === "1" || marker.checked));
  }

  function nodeIndexes() {
    var found = [];
    document.querySelectorAll('input[name$="-title"]').forEach(function (input) {
      var match = input.name.match(/^nodes-(\d+)-title$/);
      if (match && !isDeleted("nodes-" + match[1])) found.push(match[1]);
    });
    return found;
  }

  function keyOf(index) {
    var key = field(index, "key");
    var title = field(index, "title");
    return (key && key.value.trim()) || slugify((title && title.value) || "");
  }

  function addOption(select, value, label) {
    var option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  }

  function refreshTargets() {
    // Only the whole scenario's form lists its nodes; a single step's lists come filled.
    if (!document.querySelector("[name='nodes-TOTAL_FORMS']")) return;
    var options = [];
    var renamed = {};
    nodeIndexes().forEach(function (index) {
      var key = keyOf(index);
      if (knownKeys[index] && key && knownKeys[index] !== key) renamed[knownKeys[index]] = key;
      knownKeys[index] = key;
      if (key && !options.some(function (o) { return o[0] === key; })) {
        var title = field(index, "title").value.trim() || "Untitled";
        options.push([key, title + " (" + key + ")"]);
      }
    });
    var keys = options.map(function (o) { return o[0]; });
    document.querySelectorAll("select[data-scenario-target]").forEach(function (select) {
      var current = renamed[select.value] || select.value;
      select.replaceChildren();
      addOption(select, "", "Choose a node");
      options.forEach(function (o) { addOption(select, o[0], o[1]); });
      if (current && keys.indexOf(current) === -1) {
        addOption(select, current, "Missing: no node has the key “" + current + "”");
      }
      select.value = current;
    });
  }

  function showFieldsForKind(index) {
    var kind = field(index, "kind");
    var node = document.getElementById("inline_child_nodes-" + index);
    if (!kind || !node) return;
    var ending = kind.value === "ending";
    node.querySelectorAll(".scenario-ending-only").forEach(function (el) {
      el.style.display = ending ? "" : "none";
    });
    // An ending that still has choices keeps them in view, so the author can remove them.
    var choices = node.querySelectorAll('input[name^="nodes-' + index + '-choices-"][name$="-label"]');
    var live = Array.prototype.filter.call(choices, function (input) {
      return !isDeleted(input.name.replace(/-label$/, ""));
    });
    node.querySelectorAll(".scenario-not-ending").forEach(function (el) {
      el.style.display = ending && live.length === 0 ? "none" : "";
    });
  }

  // A step on its own screen (scenarios/node_editor.py): its fields have no prefix.
  function showStepFieldsForKind() {
    var kind = document.querySelector('[data-edit-form] select[name="kind"]');
    if (!kind) return;
    var ending = kind.value === "ending";
    var form = kind.form;
    form.querySelectorAll(".scenario-ending-only").forEach(function (el) {
      el.style.display = ending ? "" : "none";
    });
    var choices = form.querySelectorAll('input[name^="choices-"][name$="-label"]');
    var live = Array.prototype.filter.call(choices, function (input) {
      return !isDeleted(input.name.replace(/-label$/, ""));
    });
    form.querySelectorAll(".scenario-not-ending").forEach(function (el) {
      el.style.display = ending && live.length === 0 ? "none" : "";
    });
  }

  function showAllFields() {
    nodeIndexes().forEach(showFieldsForKind);
    showStepFieldsForKind();
  }

  function openFromHash() {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (!target) return;
    var panel = target.closest('[role="tabpanel"]');
    if (panel && panel.hidden) {
      var tab = document.querySelector('a[role="tab"][href="#' + panel.id + '"]');
      if (tab) tab.click();
    }
    var first = target.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus({ preventScroll: true });
    // The editor's rich-text fields and tabs finish drawing after this, moving the node
    // down: keep it in view for a moment, unless the author starts scrolling first.
    var until = Date.now() + 1500;
    var stop = function () { until = 0; };
    ["wheel", "keydown", "touchstart", "mousedown"].forEach(function (name) {
      window.addEventListener(name, stop, { once: true, capture: true });
    });
    (function keepInView() {
      var top = target.getBoundingClientRect().top;
      if (top < 0 || top > 120) target.scrollIntoView();
      if (Date.now() < until) window.requestAnimationFrame(keepInView);
    })();
  }

  document.addEventListener("change", function (event) {
    if (event.target.name === "kind") showStepFieldsForKind();
    var match = (event.target.name || "").match(NODE_FIELD);
    if (!match) return;
    if (match[2] === "kind") showFieldsForKind(match[1]);
    else refreshTargets();
  });
  ["w-formset:added", "w-formset:removed"].forEach(function (name) {
    document.addEventListener(name, function () {
      refreshTargets();
      showAllFields();
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("select[data-scenario-target], [name='nodes-TOTAL_FORMS']")) return;
    nodeIndexes().forEach(function (index) { knownKeys[index] = keyOf(index); });
    showAllFields();
  });
  // After Wagtail's own scripts have set up the tabs.
  window.addEventListener("load", function () {
    window.setTimeout(openFromHash, 0);
  });
})();
