# Opinion Bot: runs `python -m bot run` (polling, or a webhook server when WEBHOOK_URL is set).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OPINION_KB=/app/knowledge \
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

# The source and the knowledge base; mount a folder over /app/knowledge (or point OPINION_KB
# elsewhere) to serve an edited knowledge base without rebuilding.
COPY bot ./bot
COPY knowledge ./knowledge

USER 10001
VOLUME ["/data"]
EXPOSE 8443

CMD ["python", "-m", "bot", "run"]
