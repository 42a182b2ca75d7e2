"""Local stand-ins for Microsoft's side of a Teams bot (test helper).

One HTTP server plays the OpenID metadata document and key set of
login.botframework.com, the OAuth token endpoint, and the Connector a
`serviceUrl` points at (it records every reply). A key pair generated here
signs the activities, so nothing touches the network.
"""

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
CHANNEL = "msteams"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Reply:
    conversation_id: str
    reply_to_id: str
    activity: Dict[str, Any]
    authorization: str
    received_at: float = field(default_factory=time.monotonic)


class FakeBotFramework:
    """Key server, token endpoint and Connector on one local port."""

    def __init__(self, endorsements=(CHANNEL,)) -> None:
        self.key = new_key()
        self.kid = uuid.uuid4().hex
        self.endorsements = list(endorsements)
        self.access_token = f"connector-{uuid.uuid4().hex}"
        self.token_requests: List[Dict[str, str]] = []
        self.key_requests = 0
        self.replies: List[Reply] = []
        self.arrivals: List[str] = []  # conversation ids, as replies start arriving
        self.slow_seconds: Dict[str, float] = {}  # conversation id -> delay
        self._changed = threading.Condition()
        self._server: Optional[ThreadingHTTPServer] = None

    # --- server -----------------------------------------------------------
    def start(self) -> "FakeBotFramework":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/openid":
                    self._json(200, fake.openid_metadata())
                elif self.path == "/keys":
                    fake.key_requests += 1
                    self._json(200, fake.jwks())
                else:
                    self._json(404, {})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/token":
                    form = dict(pair.split("=", 1) for pair in body.decode().split("&"))
                    with fake._changed:
                        fake.token_requests.append(
                            {k: unquote(v) for k, v in form.items()}
                        )
                    self._json(
                        200,
                        {
                            "token_type": "Bearer",
                            "expires_in": 3600,
                            "access_token": fake.access_token,
                        },
                    )
                    return
                parts = self.path.split("/")
                # /connector/v3/conversations/<id>/activities/<replyToId>
                if len(parts) == 7 and parts[1:3] == ["connector", "v3"]:
                    conversation, reply_to = unquote(parts[4]), unquote(parts[6])
                    with fake._changed:
                        fake.arrivals.append(conversation)
                        fake._changed.notify_all()
                    time.sleep(fake.slow_seconds.get(conversation, 0))
                    reply = Reply(
                        conversation,
                        reply_to,
                        json.loads(body),
                        self.headers.get("Authorization", ""),
                    )
                    with fake._changed:
                        fake.replies.append(reply)
                        fake._changed.notify_all()
                    self._json(200, {"id": uuid.uuid4().hex})
                    return
                self._json(404, {})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def openid_url(self) -> str:
        return f"{self.url}/openid"

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    @property
    def service_url(self) -> str:
        return f"{self.url}/connector/"

    def env(self, app_id: str, app_password: str) -> Dict[str, str]:
        """Environment for a Rasa server whose Teams channel trusts this fake."""
        return {
            "TEAMS_APP_ID": app_id,
            "TEAMS_APP_PASSWORD": app_password,
            "TEAMS_OPENID_METADATA_URL": self.openid_url,
            "TEAMS_TOKEN_URL": self.token_url,
        }

    def openid_metadata(self) -> Dict[str, Any]:
        return {
            "issuer": ISSUER,
            "jwks_uri": f"{self.url}/keys",
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def jwks(self) -> Dict[str, Any]:
        data = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        data.update(kid=self.kid, use="sig", endorsements=self.endorsements)
        return {"keys": [data]}

    def wait_for_replies(
        self, conversation_id: str, count: int = 1, timeout: float = 60
    ) -> List[Reply]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [
                    r for r in self.replies if r.conversation_id == conversation_id
                ]
                left = deadline - time.monotonic()
                if len(found) >= count or left <= 0:
                    return found
                self._changed.wait(left)

    def wait_for_arrival(self, conversation_id: str, timeout: float = 60) -> bool:
        with self._changed:
            return self._changed.wait_for(
                lambda: conversation_id in self.arrivals, timeout
            )

    def replies_to(self, conversation_id: str) -> List[Reply]:
        with self._changed:
            return [r for r in self.replies if r.conversation_id == conversation_id]

    # --- tokens -----------------------------------------------------------
    def claims(self, app_id: str, service_url: Optional[str] = None, **overrides):
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": app_id,
            "nbf": now - 60,
            "exp": now + 3600,
            "serviceUrl": service_url or self.service_url,
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def sign(self, claims: Dict[str, Any], key=None, kid=None) -> str:
        return jwt.encode(
            claims, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid}
        )

    def unsigned(self, claims: Dict[str, Any]) -> str:
        return jwt.encode(claims, None, algorithm="none", headers={"kid": self.kid})

    def hs256_with_public_key(self, claims: Dict[str, Any]) -> str:
        """The classic algorithm-confusion forgery: HMAC keyed with the public key.

        PyJWT refuses to build it, so it is put together by hand.
        """
        secret = self.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

        def b64(data: bytes) -> str:
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        header = {"alg": "HS256", "typ": "JWT", "kid": self.kid}
        signing_input = (
            f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
        )
        signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{b64(signature)}"


def message_activity(
    text: str,
    service_url: str,
    conversation_id: Optional[str] = None,
    locale: Optional[str] = None,
    bot_id: str = "28:writeback-bot",
    **extra: Any,
) -> Dict[str, Any]:
    activity = {
        "type": "message",
        "id": uuid.uuid4().hex[:13],
        "channelId": CHANNEL,
        "serviceUrl": service_url,
        "from": {"id": f"29:{uuid.uuid4().hex}", "name": "Helpdesk Agent"},
        "recipient": {"id": bot_id, "name": "Writeback Assistant"},
        "conversation": {
            "id": conversation_id or f"a:{uuid.uuid4().hex}",
            "conversationType": "personal",
        },
        "text": text,
    }
    if locale:
        activity["locale"] = locale
    activity.update(extra)
    return activity
