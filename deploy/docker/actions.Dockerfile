# Action server: the official rasa-sdk image with this project's actions. It keeps
# no state, so any number of copies can run behind one address.
# Build from the repository root: docker build -f deploy/docker/actions.Dockerfile .
ARG RASA_SDK_VERSION=3.6.2
FROM rasa/rasa-sdk:${RASA_SDK_VERSION}

WORKDIR /app
# The actions share pure rules from components/ (no Rasa import): the locale
# hint and the agent-mode hint.
COPY components/__init__.py ./components/__init__.py
COPY components/locale ./components/locale
COPY components/agent ./components/agent
COPY actions ./actions

ENV PYTHONPATH=/app
USER 1001
EXPOSE 5055
HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:5055/health')"]
CMD ["start", "--actions", "actions", "--port", "5055"]
