"""Day-2 operations: health and readiness probes, Prometheus metrics, JSON logs, backup and
restore — what a municipality's existing monitoring and backup routines plug into."""
