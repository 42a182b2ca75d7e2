/*
 * Writeback Assistant web chat: paste one line into any intranet page.
 *
 *   <script src="http://BOT-HOST:5005/webchat/embed.js" async></script>
 *
 * Optional attributes on that tag: data-title, data-subtitle, data-placeholder,
 * data-label-open, data-label-close, data-label-input, data-label-send,
 * data-label-log, data-storage ("local" keeps the chat across tabs and restarts,
 * "session" only for the tab).
 *
 * Widget: rasa-webchat 1.0.1 (botfront), the widget Rasa users know. Its prebuilt
 * bundle (web/vendor/rasa-webchat.js, copied from npm by `make web`) ships
 * socket.io-client 3.x, whose Engine.IO 4 / Socket.IO 5 protocol is the one Rasa
 * 3.6's python-socketio 5 / python-engineio 4 speak, so it works with Rasa 3.6 over
 * the stock socket.io events. It has no further releases, and it ships almost no
 * accessibility markup, so this file adds names, roles, live region and keys below;
 * webchat.css adds focus, contrast and forced-colors styles.
 *
 * No build step: plain ES2017 in the browser.
 */
(function () {
  "use strict";

  var script =
    document.currentScript ||
    document.querySelector('script[src*="/webchat/embed.js"]');
  var base = new URL(".", script.src); // http://BOT-HOST:5005/webchat/
  var data = script.dataset;

  var labels = {
    open: data.labelOpen || "Open the Writeback Assistant chat",
    close: data.labelClose || "Close the chat",
    input: data.labelInput || "Message to the Writeback Assistant",
    send: data.labelSend || "Send",
    log: data.labelLog || "Conversation with the Writeback Assistant",
  };

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        element[name] = attributes[name];
      });
      element.onload = resolve;
      element.onerror = function () {
        reject(new Error("could not load " + (attributes.src || attributes.href)));
      };
      document.head.appendChild(element);
    });
  }

  function setAttributes(element, attributes) {
    if (!element) return;
    Object.keys(attributes).forEach(function (name) {
      if (element.getAttribute(name) !== attributes[name]) {
        element.setAttribute(name, attributes[name]);
      }
    });
  }

  // The widget is React: elements come and go on open/close, so labels are
  // (re)applied whenever its DOM changes.
  function label(root) {
    var conversation = root.querySelector(".rw-conversation-container");
    var open = Boolean(conversation);
    root.querySelectorAll(".rw-launcher").forEach(function (launcher) {
      setAttributes(launcher, {
        "aria-label": open ? labels.close : labels.open,
        "aria-expanded": String(open),
      });
    });
    if (!conversation) return;
    setAttributes(conversation, {
      role: "region",
      "aria-label": data.title || "Writeback Assistant",
    });
    setAttributes(conversation.querySelector(".rw-close-button"), {
      "aria-label": labels.close,
    });
    setAttributes(conversation.querySelector("#rw-messages"), {
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": labels.log,
      tabindex: "0",
    });
    setAttributes(conversation.querySelector(".rw-new-message"), {
      "aria-label": labels.input,
    });
    setAttributes(conversation.querySelector(".rw-send"), {
      "aria-label": labels.send,
    });
  }

  function watch(root) {
    var wasOpen = false;
    new MutationObserver(function () {
      label(root);
      var input = root.querySelector(".rw-new-message");
      var isOpen = Boolean(input);
      if (isOpen && !wasOpen) input.focus(); // keyboard users land in the input
      wasOpen = isOpen;
    }).observe(root, { childList: true, subtree: true });
    label(root);

    // Escape closes the chat and gives focus back to the launcher.
    root.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var close = root.querySelector(".rw-close-button");
      if (!close) return;
      event.preventDefault();
      close.click();
      // The widget re-renders the launcher after the click, sometimes a few
      // frames later; keep trying until the focus has landed on it.
      var tries = 0;
      (function focusLauncher() {
        var launcher = root.querySelector(".rw-launcher");
        if (launcher) launcher.focus();
        if (document.activeElement !== launcher && ++tries < 60) {
          requestAnimationFrame(focusLauncher);
        }
      })();
    });
  }

  function start() {
    window.WebChat.default(
      {
        socketUrl: base.origin,
        socketPath: "/socket.io/",
        // Sent once, for a new conversation only: the widget keeps the session id
        // in storage and skips it when the server confirms the same session.
        initPayload: "/greet",
        // Rasa's channel reads `customData` as message metadata; the locale policy
        // takes `locale` as the channel's hint (BCP-47, e.g. da-DK).
        customData: { locale: navigator.language || "en" },
        title: data.title || "Writeback Assistant",
        subtitle: data.subtitle || "",
        inputTextFieldHint: data.placeholder || "Type your question",
        params: { storage: data.storage === "session" ? "session" : "local" },
        customMessageDelay: function () {
          return 0; // show replies at once, no typing theatre
        },
        hideWhenNotConnected: false,
      },
      null
    );
    whenPresent(".rw-widget-container", watch);
  }

  // React may render after this call returns: wait for the widget's root.
  function whenPresent(selector, callback) {
    var found = document.querySelector(selector);
    if (found) return callback(found);
    var observer = new MutationObserver(function () {
      var element = document.querySelector(selector);
      if (!element) return;
      observer.disconnect();
      callback(element);
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  load("link", { rel: "stylesheet", href: new URL("webchat.css", base).href });
  load("script", { src: new URL("vendor/rasa-webchat.js", base).href })
    .then(start)
    .catch(function (error) {
      console.error("Writeback Assistant chat:", error);
    });
})();
