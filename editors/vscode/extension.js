// The citecheck extension: starts `citecheck server` (the command line of the setting
// `citecheck.command`) for Markdown, plain text and HTML documents, through
// vscode-languageclient. Everything else (diagnostics, code actions, hover, go to
// definition, find references) is the server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration("citecheck");
  const [command, ...args] = settings.get("command");
  client = new LanguageClient(
    "citecheck",
    "citecheck",
    { command, args },
    {
      documentSelector: ["markdown", "plaintext", "html"].flatMap((language) => [
        { scheme: "file", language },
        { scheme: "untitled", language },
      ]),
      initializationOptions: settings.get("initializationOptions"),
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
