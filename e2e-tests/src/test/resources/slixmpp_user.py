"""An XMPP user driven by the Java tests through JSON lines: slixmpp, a client library nobody here wrote.

Commands (stdin, one JSON object per line):
  {"op": "message", "to": JID, "id": ID, "body": TEXT, "type": "chat"}
  {"op": "iq", "to": JID, "id": ID, "type": "get"|"set", "xml": PAYLOAD}
  {"op": "quit"}
Events (stdout, one JSON object per line):
  {"event": "ready"}
  {"event": "message", "from", "id", "type", "body", "condition", "text"}
  {"event": "iq", "id", "type", "condition", "payload"}   (the answer to one of our IQs)
  {"event": "disconnected"}
"""
import asyncio
import json
import logging
import os
import sys
import threading
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout

STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas"


def emit(event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class User(slixmpp.ClientXMPP):
    def __init__(self, jid, password):
        super().__init__(jid, password)
        # The test servers run on loopback without TLS.
        self["feature_mechanisms"].unencrypted_plain = True
        self.add_event_handler("session_start", self.started)
        self.add_event_handler("message", self.received)
        self.add_event_handler("disconnected", lambda _: emit({"event": "disconnected"}))

    async def started(self, _):
        self.send_presence()
        await self.get_roster()
        emit({"event": "ready"})

    def received(self, msg):
        condition, text = "", ""
        if msg["type"] == "error":
            error = msg.xml.find("{jabber:client}error")
            if error is not None:
                for child in error:
                    tag = child.tag.split("}")[-1]
                    if child.tag.startswith("{" + STANZAS + "}") and tag != "text":
                        condition = tag
                    elif tag == "text":
                        text = child.text or ""
        emit({"event": "message", "from": str(msg["from"]), "id": msg["id"], "type": msg["type"],
              "body": msg["body"], "condition": condition, "text": text})

    def command(self, line):
        try:
            cmd = json.loads(line)
        except ValueError:
            return
        if cmd["op"] == "message":
            msg = self.make_message(mto=cmd["to"], mbody=cmd["body"], mtype=cmd.get("type", "chat"))
            msg["id"] = cmd["id"]
            msg.send()
        elif cmd["op"] == "iq":
            asyncio.ensure_future(self.ask(cmd))
        elif cmd["op"] == "quit":
            self.disconnect()

    async def ask(self, cmd):
        iq = self.make_iq(ito=cmd["to"], itype=cmd["type"])
        iq["id"] = cmd["id"]
        iq.xml.append(ET.fromstring(cmd["xml"]))
        try:
            answer = await iq.send(timeout=20)
            emit({"event": "iq", "id": cmd["id"], "type": answer["type"], "condition": "",
                  "payload": len(list(answer.xml))})
        except IqError as e:
            emit({"event": "iq", "id": cmd["id"], "type": "error", "condition": e.condition,
                  "payload": len([c for c in e.iq.xml if not c.tag.endswith("}error")])})
        except IqTimeout:
            emit({"event": "iq", "id": cmd["id"], "type": "timeout", "condition": "", "payload": 0})


def main():
    jid, password, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    logging.basicConfig(level=os.environ.get("SLIXMPP_LOG_LEVEL", "WARNING"), stream=sys.stderr)
    user = User(jid, password)
    loop = asyncio.get_event_loop()

    def read_commands():
        for line in sys.stdin:
            loop.call_soon_threadsafe(user.command, line)
        loop.call_soon_threadsafe(user.disconnect)

    threading.Thread(target=read_commands, daemon=True).start()
    user.connect(("127.0.0.1", port), force_starttls=False, disable_starttls=True)
    loop.run_until_complete(user.disconnected)


if __name__ == "__main__":
    main()
