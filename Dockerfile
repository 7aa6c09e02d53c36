# Opinion Bot: runs `python -m bot run` (polling, or a webhook server when WEBHOOK_URL is set).
FROM python:3.11-slim

# The knowledge base is served from the data volume (writable, so /reload with an uploaded file
# works for the non-root user); the baked copy in /app/knowledge seeds it on first start and
# never overwrites it afterwards.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OPINION_KB=/data/knowledge \
    OPINION_KB_SEED=/app/knowledge \
    OPINION_DB=/data/opinion.sqlite3

WORKDIR /app

RUN useradd --create-home --uid 10001 opinion \
    && mkdir -p /data \
    && chown opinion:opinion /data

# Dependencies first, in their own layer: they change far less often than the source.
COPY pyproject.toml ./
RUN python -c "import subprocess, sys, tomllib; \
deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; \
subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--no-cache-dir', *deps])"

COPY bot ./bot
COPY knowledge ./knowledge

USER 10001
VOLUME ["/data"]
EXPOSE 8443

# Unhealthy when the bot could not answer: settings, knowledge base and database are checked.
HEALTHCHECK --interval=60s --timeout=30s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

CMD ["python", "-m", "bot", "run"]
