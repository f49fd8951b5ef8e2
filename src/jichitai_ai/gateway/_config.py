"""Gateway configuration: backends with their attributes, class rules, review and retention.

Read from the TOML ``[gateway]`` table; per-tenant rules come from
``[gateway.tenants.<slug>]`` and from the tenant's database settings (key ``gateway``),
applied from the prefecture down to the municipality. Tenant rules can only
tighten the deployment's rules (a smaller person cap, fewer backends per class,
earlier review), never loosen them — a municipality cannot opt out of the CISO's policy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from jichitai_ai.config import ConfigError, Settings
from jichitai_ai.privacy import DetectorConfig
from jichitai_ai.privacy._ginza import installed as ginza_installed

from ._privacy import MASKED_BY_DEFAULT, ConfidentialityClass, EntityType, parse_class

DEFAULT_PERSON_CAP = 1000  # 大阪府の運用ルールに倣った 1 リクエストあたりの人数上限
BACKEND_KINDS = ("openai", "azure", "echo")


@dataclass(frozen=True)
class BackendSpec:
    """An OpenAI-compatible model endpoint and the facts the policy needs about it.

    Defaults are the cautious ones: a backend nobody described is assumed to be abroad,
    to train on inputs and to be fit only for public information (class 1).
    """

    name: str
    kind: str = "openai"
    endpoint: str = ""
    model: str = ""
    api_key_env: str = ""
    in_country: bool = False
    on_premises: bool = False
    trains_on_inputs: bool = True
    max_class: ConfidentialityClass = ConfidentialityClass.C1
    api_version: str = ""  # Azure OpenAI ``api-version``
    timeout_seconds: float = 60.0
    #: Ask for token usage in streams (``stream_options.include_usage``); not every server knows it.
    stream_usage: bool = False
    description: str = ""
    #: A named transport from a plugin (``chat_transports`` hook) instead of HTTP.
    transport: str = ""

    def api_key(self) -> str:
        return os.environ.get(self.api_key_env, "") if self.api_key_env else ""

    def public(self) -> dict[str, Any]:
        """What staff may see about a backend (never the key)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "model": self.model,
            "in_country": self.in_country,
            "on_premises": self.on_premises,
            "trains_on_inputs": self.trains_on_inputs,
            "max_class": self.max_class.value,
            "description": self.description,
        }


@dataclass(frozen=True)
class TenantPolicy:
    """The rules that apply to one tenant's requests."""

    person_cap: int = DEFAULT_PERSON_CAP
    #: Class → backend names allowed to receive it; a class not listed: any backend that fits.
    allowed: Mapping[ConfidentialityClass, frozenset[str]] = field(default_factory=dict)
    default_backend: str | None = None
    default_class: ConfidentialityClass = ConfidentialityClass.C1
    #: Hold requests of this class or stricter for human review; ``None`` = never.
    review_from: ConfidentialityClass | None = None
    #: Public information (class 1) may go to a backend abroad or one that trains on inputs.
    public_to_any_backend: bool = False
    mask_types: frozenset[EntityType] = MASKED_BY_DEFAULT

    def tighten(self, rules: Mapping[str, Any], origin: str) -> TenantPolicy:
        """This policy with ``rules`` applied, keeping whichever is stricter."""
        policy = self
        if "person_cap" in rules:
            cap = _int(rules["person_cap"], f"{origin}.person_cap")
            policy = replace(policy, person_cap=min(policy.person_cap, cap))
        if "classes" in rules:
            allowed = dict(policy.allowed)
            for cls, names in _class_rules(rules["classes"], f"{origin}.classes").items():
                allowed[cls] = allowed[cls] & names if cls in allowed else names
            policy = replace(policy, allowed=allowed)
        if rules.get("default_backend"):
            policy = replace(policy, default_backend=str(rules["default_backend"]))
        if "default_class" in rules:
            cls = _class(rules["default_class"], f"{origin}.default_class")
            if cls.rank > policy.default_class.rank:
                policy = replace(policy, default_class=cls)
        if "review" in rules:
            review = _review(rules["review"], rules.get("review_from_class"), origin)
            if review is not None and (
                policy.review_from is None or review.rank < policy.review_from.rank
            ):
                policy = replace(policy, review_from=review)
        if rules.get("public_to_any_backend") is False:
            policy = replace(policy, public_to_any_backend=False)
        if "mask_types" in rules:
            extra = frozenset(_entity_types(rules["mask_types"], f"{origin}.mask_types"))
            policy = replace(policy, mask_types=policy.mask_types | extra)
        return policy


#: Default replay window of the LINE webhook, in days. LINE publishes no maximum redelivery
#: period in what we found (redelivery is opt-in; LINE may stop it and mails the channel admin);
#: we assume redeliveries come within a day (not measured). A week leaves wide margin and still
#: lets the event ids go (docs/channels.md, "Replay window").
LINE_EVENTS_DAYS = 7


@dataclass(frozen=True)
class Retention:
    """Days to keep each record type; ``None`` keeps it for ever."""

    audit_days: int | None = None
    reviews_days: int | None = 30
    questions_days: int | None = None
    feedback_days: int | None = None
    #: LINE webhook event ids (``line_events``). Never "for ever" and never 0: the LINE webhook
    #: refuses events whose ``timestamp`` is older than this, so an id is deleted only once a
    #: captured signed body carrying it can no longer be replayed (hr6, docs/channels.md).
    line_events_days: int = LINE_EVENTS_DAYS
    #: LINE friends (hashed user id → language) not seen for this long; unset in the
    #: configuration: the question log's period (a friend's record lives as long as their
    #: questions).
    line_users_days: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {
            "audit": self.audit_days,
            "reviews": self.reviews_days,
            "questions": self.questions_days,
            "feedback": self.feedback_days,
            "line_events": self.line_events_days,
            "line_users": self.line_users_days,
        }


@dataclass(frozen=True)
class GatewayConfig:
    """The deployment's gateway settings, parsed and checked once."""

    backends: dict[str, BackendSpec]
    policy: TenantPolicy
    tenant_rules: dict[str, dict[str, Any]]
    retention: Retention
    #: Key material for sealing held requests and signing audit checkpoints.
    secret: bytes
    #: The backend a Dify app behind the moderation endpoint uses (for the class rules).
    dify_backend: str | None = None
    #: False when the secret is the random per-process key (checkpoints would not verify later).
    secret_configured: bool = True
    #: How personal data is found before sending: the recall-first profile without GiNZA
    #: (what ``pii-eval`` measures by default); GiNZA NER is opt-in.
    detector: DetectorConfig = field(default_factory=lambda: default_detector({}))
    #: Size limits (characters): keep detection time bounded; over them → HTTP 413.
    max_message_chars: int = 20_000
    max_request_chars: int = 50_000
    #: Messages per request: each is detected on its own, so 25,000 one-character messages
    #: cost seconds of CPU within the character limit.
    max_messages: int = 1_000

    @classmethod
    def from_settings(cls, settings: Settings) -> GatewayConfig:
        raw = settings.section("gateway")
        backends = _backends(raw.get("backends", {}))
        base = TenantPolicy(
            public_to_any_backend=bool(raw.get("public_to_any_backend", False)),
        )
        base = _base_policy(base, raw)
        for level, names in base.allowed.items():
            unknown = names - set(backends)
            if unknown:
                raise ConfigError(
                    f"[gateway.classes] {level.value}: unknown backend {sorted(unknown)}"
                )
        tenants = raw.get("tenants", {})
        if not isinstance(tenants, dict):
            raise ConfigError("[gateway.tenants] must be a table")
        secret_env = str(raw.get("secret_env", "JICHITAI_GATEWAY_SECRET"))
        secret = os.environ.get(secret_env, "") or settings.secret_key
        core = settings.raw.get("core", settings.raw)
        configured = bool(
            os.environ.get(secret_env)
            or os.environ.get("JICHITAI_SECRET_KEY")
            or (isinstance(core, dict) and core.get("secret_key"))
        )
        dify_backend = raw.get("dify_backend")
        if dify_backend is not None and str(dify_backend) not in backends:
            raise ConfigError(f"gateway.dify_backend: unknown backend {dify_backend!r}")
        return cls(
            backends=backends,
            policy=base,
            tenant_rules={str(k): dict(v) for k, v in tenants.items() if isinstance(v, dict)},
            retention=_retention(raw.get("retention", {})),
            secret=secret.encode("utf-8"),
            dify_backend=None if dify_backend is None else str(dify_backend),
            secret_configured=configured,
            detector=default_detector(raw.get("detector", {})),
            max_message_chars=_int(
                raw.get("max_message_chars", 20_000), "gateway.max_message_chars"
            ),
            max_request_chars=_int(
                raw.get("max_request_chars", 50_000), "gateway.max_request_chars"
            ),
            max_messages=_int(raw.get("max_messages", 1_000), "gateway.max_messages"),
        )

    def policy_for(
        self, chain_slugs: Iterable[str], db_rules: Iterable[Mapping[str, Any]]
    ) -> TenantPolicy:
        """Deployment rules, then TOML tenant rules and DB rules from the top of the chain down."""
        policy = self.policy
        for slug in chain_slugs:
            if slug in self.tenant_rules:
                policy = policy.tighten(self.tenant_rules[slug], f"gateway.tenants.{slug}")
        for rules in db_rules:
            policy = policy.tighten(rules, "tenant.settings.gateway")
        return policy


def _base_policy(policy: TenantPolicy, raw: Mapping[str, Any]) -> TenantPolicy:
    values: dict[str, Any] = {}
    if "person_cap" in raw:
        values["person_cap"] = _int(raw["person_cap"], "gateway.person_cap")
    if "classes" in raw:
        values["allowed"] = _class_rules(raw["classes"], "gateway.classes")
    if raw.get("default_backend"):
        values["default_backend"] = str(raw["default_backend"])
    if "default_class" in raw:
        values["default_class"] = _class(raw["default_class"], "gateway.default_class")
    if "review" in raw:
        values["review_from"] = _review(raw["review"], raw.get("review_from_class"), "gateway")
    if "mask_types" in raw:
        values["mask_types"] = frozenset(_entity_types(raw["mask_types"], "gateway.mask_types"))
    return replace(policy, **values)


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: expected a non-negative integer, got {value!r}")
    return value


def _class(value: Any, where: str) -> ConfidentialityClass:
    try:
        cls = parse_class(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: unknown data class {value!r} (1, 2, 3C, 3B, 3A)") from exc
    if cls is None:
        raise ConfigError(f"{where}: empty data class")
    return cls


def _class_rules(raw: Any, where: str) -> dict[ConfidentialityClass, frozenset[str]]:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{where}] must be a table of class = [backend, …]")
    out: dict[ConfidentialityClass, frozenset[str]] = {}
    for key, names in raw.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(f"{where}.{key}: expected a list of backend names")
        out[_class(key, f"{where}.{key}")] = frozenset(names)
    return out


def _review(mode: Any, from_class: Any, origin: str) -> ConfidentialityClass | None:
    if mode == "never":
        return None
    if mode == "always":
        return ConfidentialityClass.C1
    if mode == "from_class":
        return _class(from_class or "3C", f"{origin}.review_from_class")
    raise ConfigError(f"{origin}.review: expected never, always or from_class, got {mode!r}")


def _entity_types(raw: Any, where: str) -> list[EntityType]:
    try:
        return [EntityType(str(v)) for v in raw]
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _backends(raw: Any) -> dict[str, BackendSpec]:
    if not isinstance(raw, dict):
        raise ConfigError("[gateway.backends] must be a table of named backends")
    out: dict[str, BackendSpec] = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"[gateway.backends.{name}] must be a table")
        where = f"gateway.backends.{name}"
        kind = str(spec.get("kind", "openai"))
        if kind not in BACKEND_KINDS:
            raise ConfigError(f"{where}.kind: expected one of {BACKEND_KINDS}, got {kind!r}")
        endpoint = str(spec.get("endpoint", "")).rstrip("/")
        if (
            kind != "echo"
            and not spec.get("transport")
            and not endpoint.startswith(("http://", "https://"))
        ):
            raise ConfigError(f"{where}.endpoint: an http(s) URL is required")
        if kind == "azure" and not spec.get("api_version"):
            raise ConfigError(f"{where}.api_version is required for Azure OpenAI")
        echo = kind == "echo"
        out[str(name)] = BackendSpec(
            name=str(name),
            kind=kind,
            endpoint=endpoint,
            model=str(spec.get("model", "echo" if echo else "")),
            api_key_env=str(spec.get("api_key_env", "")),
            in_country=bool(spec.get("in_country", echo)),
            on_premises=bool(spec.get("on_premises", echo)),
            trains_on_inputs=bool(spec.get("trains_on_inputs", not echo)),
            max_class=_class(spec.get("max_class", "3A" if echo else "1"), f"{where}.max_class"),
            api_version=str(spec.get("api_version", "")),
            timeout_seconds=float(spec.get("timeout_seconds", 60.0)),
            stream_usage=bool(spec.get("stream_usage", False)),
            description=str(spec.get("description", "")),
            transport=str(spec.get("transport", "")),
        )
    return out


def _retention(raw: Any) -> Retention:
    if not isinstance(raw, dict):
        raise ConfigError("[gateway.retention] must be a table")
    values: dict[str, Any] = {}  # *_days → int | None
    for name in ("audit_days", "reviews_days", "questions_days", "feedback_days"):
        if name in raw:
            values[name] = _int(raw[name], f"gateway.retention.{name}")
    values["line_users_days"] = (
        _int(raw["line_users_days"], "gateway.retention.line_users_days")
        if "line_users_days" in raw
        else values.get("questions_days")
    )
    window = _int(
        raw.get("line_events_days", LINE_EVENTS_DAYS), "gateway.retention.line_events_days"
    )
    if window < 1:
        raise ConfigError("gateway.retention.line_events_days: at least 1 day (replay window)")
    return replace(Retention(line_events_days=window), **values)


def retention_of(settings: Settings) -> Retention:
    """``[gateway.retention]`` alone (the LINE webhook needs its replay window, nothing else)."""
    raw = settings.section("gateway")
    return _retention(raw.get("retention", {}) if isinstance(raw, dict) else {})


def default_detector(raw: dict[str, Any]) -> DetectorConfig:
    """``[gateway.detector]``: ``profile`` (strict | standard) and ``ner`` (none | ginza | auto).

    The default (strict, no GiNZA) is :data:`jichitai_ai.privacy.DEFAULT_CONFIG`, which is what
    ``pii-eval`` measures without flags; GiNZA adds recall at ~25 texts/s and is opt-in."""
    if not isinstance(raw, dict):
        raise ConfigError("[gateway.detector] must be a table")
    profile = str(raw.get("profile", "strict"))
    if profile not in ("strict", "standard"):
        raise ConfigError(f"[gateway.detector] profile: strict or standard, not {profile!r}")
    ner = str(raw.get("ner", "none"))
    if ner not in ("auto", "ginza", "none"):
        raise ConfigError(f"[gateway.detector] ner: auto, ginza or none, not {ner!r}")
    if ner == "ginza" and not ginza_installed():
        raise ConfigError("[gateway.detector] ner = ginza, but ja-ginza is not installed")
    use_ginza = ner == "ginza" or (ner == "auto" and ginza_installed())
    return DetectorConfig(profile=profile, use_ginza=use_ginza)  # type: ignore[arg-type]
