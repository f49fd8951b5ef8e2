"""A per-tenant query adapter learned from the tenant's own question–answer pairs (CPU, numpy).

The published best system on LocalGovFAQ gained from relevance *learned from the FAQ's own
pairs* (a fine-tuned q–A model). This is the cheapest version of that idea: a linear map ``W`` on
frozen multilingual-e5 query vectors, trained so that each entry's question (embedded as a
query) lands next to its own answer (embedded as a passage) rather than the other answers
(InfoNCE over all answers, Oord et al. 2018). ``W`` starts at the identity and is pulled back
toward it, so a small FAQ cannot move far from the pretrained model. Training takes seconds and
needs no torch; residents' questions are never used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jichitai_ai.retrieval._embedders import l2_normalize

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class AdapterParams:
    """Training settings; chosen on held-out pairs of the training FAQ, never on its questions."""

    steps: int = 300
    learning_rate: float = 2e-3
    temperature: float = 0.05
    #: Pull toward the identity (per pair): keeps the pretrained geometry for small FAQs.
    identity_pull: float = 0.1
    batch: int = 512
    seed: int = 0
    #: Fewer pairs than this: no adapter (the identity would barely move anyway).
    min_pairs: int = 20


def train_adapter(
    questions: npt.ArrayLike, answers: npt.ArrayLike, params: AdapterParams | None = None
) -> Matrix | None:
    """``W`` (d × d) so that ``normalise(q @ W) · a`` ranks each question's own answer first.

    ``questions[i]`` and ``answers[i]`` are the query and passage vectors of entry ``i``.
    Returns None when there are too few pairs to learn from.
    """
    p = params or AdapterParams()
    q_all = l2_normalize(questions)
    a_all = l2_normalize(answers)
    n, dim = q_all.shape
    if n < p.min_pairs or a_all.shape != q_all.shape:
        return None
    rng = np.random.default_rng(p.seed)
    eye = np.eye(dim, dtype=np.float32)
    w = eye.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    beta1, beta2 = 0.9, 0.999
    for t in range(1, p.steps + 1):
        rows = rng.choice(n, p.batch, replace=False) if n > p.batch else np.arange(n)
        q = q_all[rows]
        z = q @ w
        norm = np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-9)
        u = z / norm
        logits = (u @ a_all.T) / p.temperature
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        prob[np.arange(rows.shape[0]), rows] -= 1.0  # d(cross-entropy)/d(logits)
        grad_u = (prob @ a_all) / (p.temperature * rows.shape[0])
        grad_z = (grad_u - u * (grad_u * u).sum(axis=1, keepdims=True)) / norm
        grad = q.T @ grad_z + 2.0 * p.identity_pull * (w - eye) / n
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        w -= (p.learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8)).astype(np.float32)
    return w.astype(np.float32)


def adapt(query_vectors: npt.ArrayLike, adapter: Matrix | None) -> Matrix:
    """Query vectors mapped by ``adapter`` and re-normalised (unchanged without one)."""
    q = l2_normalize(query_vectors)
    return q if adapter is None else l2_normalize(q @ adapter)
