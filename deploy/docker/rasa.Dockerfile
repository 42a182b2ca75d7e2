# Rasa server: the official Rasa image with this project's Python requirements,
# custom components, channels and stores, and the trained model.
# Build from the repository root after `make train web` (the model and the web
# chat's widget bundle are built, not committed):
#   docker build -f deploy/docker/rasa.Dockerfile .
ARG RASA_VERSION=3.6.21
FROM rasa/rasa:${RASA_VERSION}

USER root
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt

WORKDIR /app
COPY components ./components
COPY channels ./channels
COPY stores ./stores
COPY web ./web
COPY credentials.yml ./credentials.yml
COPY deploy/endpoints.prod.yml ./endpoints.yml
COPY models/writeback.tar.gz ./models/writeback.tar.gz

ENV PYTHONPATH=/app \
    RASA_TELEMETRY_ENABLED=false \
    TICKET_LOCK_LIFETIME=30
USER 1001
EXPOSE 5005
HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:5005/')"]
# The image's entrypoint is `rasa`. Database and Redis settings come from the
# environment (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_DATABASE, REDIS_HOST, ...).
CMD ["run", "--model", "models/writeback.tar.gz", "--endpoints", "endpoints.yml", \
     "--credentials", "credentials.yml", "--port", "5005"]
