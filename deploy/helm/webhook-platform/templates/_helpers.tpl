{{/* Chart name. */}}
{{- define "webhooks.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name. */}}
{{- define "webhooks.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one component's objects: (dict "root" $ "app" "dispatcher"). Short enough for
StatefulSet pod names (63 minus the controller-revision-hash label suffix). */}}
{{- define "webhooks.componentName" -}}
{{- printf "%s-%s" (include "webhooks.fullname" .root | trunc 40 | trimSuffix "-") .app }}
{{- end }}

{{/* Labels common to every object. */}}
{{- define "webhooks.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "webhooks.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: webhook-platform
{{- end }}

{{/* Selector labels of one component: (dict "root" $ "app" "dispatcher"). */}}
{{- define "webhooks.selectorLabels" -}}
app.kubernetes.io/name: {{ include "webhooks.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{/* All labels of one component's objects. */}}
{{- define "webhooks.componentLabels" -}}
{{ include "webhooks.labels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{/* Image of a service: (dict "root" $ "app" "dispatcher"). */}}
{{- define "webhooks.image" -}}
{{- $svc := index .root.Values .app }}
{{- $tag := $svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- printf "%s:%s" $svc.image.repository (toString $tag) }}
{{- end }}

{{/* ServiceAccount of the services. */}}
{{- define "webhooks.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "webhooks.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret holding DATABASE_URL. */}}
{{- define "webhooks.authSecretName" -}}
{{- .Values.auth.existingSecret | default (printf "%s-auth" (include "webhooks.fullname" .)) }}
{{- end }}

{{/* ADMIN_API_KEY from the auth Secret (optional: an empty key means API-created keys only). */}}
{{- define "webhooks.adminKeyEnv" -}}
{{- toYaml (list (dict "name" "ADMIN_API_KEY" "valueFrom" (dict "secretKeyRef" (dict "name" (include "webhooks.authSecretName" .) "key" .Values.auth.existingSecretKey "optional" true)))) }}
{{- end }}

{{- define "webhooks.databaseSecretName" -}}
{{- .Values.database.existingSecret | default (printf "%s-database" (include "webhooks.fullname" .)) }}
{{- end }}

{{/* Name of the Secret holding SECRETS_ENCRYPTION_KEY. */}}
{{- define "webhooks.encryptionSecretName" -}}
{{- .Values.secretsEncryption.existingSecret | default (printf "%s-secrets-encryption" (include "webhooks.fullname" .)) }}
{{- end }}

{{/* SECRETS_ENCRYPTION_KEY from its Secret, shared by subscriptions and the dispatcher (optional:
no key means plaintext secrets, which both services warn about at start-up). */}}
{{- define "webhooks.encryptionKeyEnv" -}}
{{- dict "name" "SECRETS_ENCRYPTION_KEY" "valueFrom" (dict "secretKeyRef" (dict "name" (include "webhooks.encryptionSecretName" .) "key" .Values.secretsEncryption.existingSecretKey "optional" true)) | toJson }}
{{- end }}

{{/* Effective configuration of one service as YAML: config.shared overridden by config.<app>.
Every value is a string, and whole numbers never turn into exponent notation (Helm reads
numbers as float64: 1048576 would print as 1.048576e+06). */}}
{{- define "webhooks.config" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.config.shared) (deepCopy (index .root.Values.config .app | default dict)) }}
{{- if eq .app "subscriptions" }}
{{- /* Set per pod from its name (see the StatefulSet), never shared through the ConfigMap. */}}
{{- $_ := unset $merged "FANOUT_TRANSACTIONAL_ID" }}
{{- /* The migration Job owns the schema when enabled: replicas must not race it. */}}
{{- $_ := set $merged "RUN_MIGRATIONS" (and (not .root.Values.migrations.enabled) $merged.RUN_MIGRATIONS) }}
{{- end }}
{{- with .root.Values.grpcTls.existingSecret }}
{{- if has $.app (list "ingestion" "subscriptions") }}
{{- /* The mounted Secret (see webhooks.podTemplate) wins over config.*. */}}
{{- $dir := trimSuffix "/" $.root.Values.grpcTls.mountPath }}
{{- $_ := set $merged "GRPC_TLS_CERT_FILE" (printf "%s/tls.crt" $dir) }}
{{- $_ := set $merged "GRPC_TLS_KEY_FILE" (printf "%s/tls.key" $dir) }}
{{- $_ := set $merged "GRPC_TLS_CLIENT_CA_FILE" (ternary (printf "%s/ca.crt" $dir) "" $.root.Values.grpcTls.mutual) }}
{{- end }}
{{- end }}
{{- range $key := keys $merged | sortAlpha }}
{{- $value := get $merged $key }}
{{- if and (kindIs "float64" $value) (eq $value (floor $value)) }}
{{ $key }}: {{ $value | int64 | toString | quote }}
{{- else }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* Same as webhooks.config for config.shared alone (the topic Job). */}}
{{- define "webhooks.sharedConfig" -}}
{{- include "webhooks.config" (dict "root" .root "app" "__shared_only__") }}
{{- end }}

{{/* HTTP port of one service (health, readiness, metrics). */}}
{{- define "webhooks.httpPort" -}}
{{- (include "webhooks.config" . | fromYaml).HTTP_PORT | int }}
{{- end }}

{{/* gRPC port of one service. */}}
{{- define "webhooks.grpcPort" -}}
{{- (include "webhooks.config" . | fromYaml).GRPC_PORT | int }}
{{- end }}

{{/* Fails the render when an autoscaler may exceed the partitions that bound dispatcher
parallelism: replicas beyond KAFKA_DELIVERIES_PARTITIONS would get no partition. */}}
{{- define "webhooks.checkMaxReplicas" -}}
{{- $partitions := .root.Values.config.shared.KAFKA_DELIVERIES_PARTITIONS | int }}
{{- if gt (.max | int) $partitions }}
{{- fail (printf "%s (%d) exceeds config.shared.KAFKA_DELIVERIES_PARTITIONS (%d): extra dispatchers would get no partition" .what (.max | int) $partitions) }}
{{- end }}
{{- end }}

{{/* The writable /tmp of every pod (the root filesystem is read-only). */}}
{{- define "webhooks.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{- define "webhooks.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Pod template shared by the three services: (dict "root" $ "app" "dispatcher" "env" list).
`env` holds the per-service EnvVars that do not come from the ConfigMap. */}}
{{- define "webhooks.podTemplate" -}}
{{- $root := .root }}
{{- $svc := index $root.Values .app }}
{{- $httpPort := include "webhooks.httpPort" . }}
{{- $grpcTls := and (ne .app "dispatcher") $root.Values.grpcTls.existingSecret }}
metadata:
  labels:
    {{- include "webhooks.componentLabels" . | nindent 4 }}
  annotations:
    # Rolls the pods when their configuration changes.
    checksum/config: {{ include "webhooks.config" . | sha256sum }}
    {{- with $svc.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with include "webhooks.serviceAccountName" $root }}
  serviceAccountName: {{ . | quote }}
  {{- end }}
  # The services call no Kubernetes API.
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds }}
  containers:
    - name: {{ .app }}
      image: {{ include "webhooks.image" . | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      # Explicit, so any of the three images (they differ only in their default command) runs it.
      command:
        - node
        {{- range ($svc.nodeArgs | default list) }}
        - {{ . | quote }}
        {{- end }}
        - dist/apps/{{ .app }}/src/main.js
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      envFrom:
        - configMapRef:
            name: {{ include "webhooks.componentName" . }}
      {{- $env := concat (.env | default list) ($svc.extraEnv | default list) }}
      {{- with $env }}
      env:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      ports:
        - name: http-metrics
          containerPort: {{ $httpPort }}
          protocol: TCP
        {{- if ne .app "dispatcher" }}
        - name: grpc
          containerPort: {{ include "webhooks.grpcPort" . }}
          protocol: TCP
        {{- end }}
      startupProbe:
        httpGet: {path: /healthz, port: http-metrics}
        periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet: {path: /healthz, port: http-metrics}
        periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet: {path: /readyz, port: http-metrics}
        periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
      resources:
        {{- toYaml $svc.resources | nindent 8 }}
      volumeMounts:
        {{- include "webhooks.tmpMount" $root | nindent 8 }}
        {{- if $grpcTls }}
        - name: grpc-tls
          mountPath: {{ $root.Values.grpcTls.mountPath }}
          readOnly: true
        {{- end }}
  volumes:
    {{- include "webhooks.tmpVolume" $root | nindent 4 }}
    {{- if $grpcTls }}
    # Readable by the pod's group (fsGroup) only: it holds the private key.
    - name: grpc-tls
      secret:
        secretName: {{ $root.Values.grpcTls.existingSecret }}
        defaultMode: 0440
    {{- end }}
  {{- with $svc.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $svc.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $svc.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $svc.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- range . }}
    - {{- toYaml (mergeOverwrite (dict "labelSelector" (dict "matchLabels" (include "webhooks.selectorLabels" $ | fromYaml))) .) | nindent 6 }}
    {{- end }}
  {{- end }}
{{- end }}

{{/* Pod template of a hook Job: (dict "root" $ "name" "migrate" "command" list "env" list). */}}
{{- define "webhooks.jobPodTemplate" -}}
{{- $root := .root }}
metadata:
  labels:
    {{- include "webhooks.componentLabels" (dict "root" $root "app" .name) | nindent 4 }}
spec:
  restartPolicy: Never
  # Hooks run before the chart's ServiceAccount exists; the Jobs call no Kubernetes API either.
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .name }}
      image: {{ include "webhooks.image" (dict "root" $root "app" "subscriptions") | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      command:
        {{- toYaml .command | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      env:
        {{- toYaml .env | nindent 8 }}
      resources:
        {{- toYaml $root.Values.jobs.resources | nindent 8 }}
      volumeMounts:
        {{- include "webhooks.tmpMount" $root | nindent 8 }}
  volumes:
    {{- include "webhooks.tmpVolume" $root | nindent 4 }}
{{- end }}

{{/* EnvVar list of a config map rendered by webhooks.config. */}}
{{- define "webhooks.envList" -}}
{{- range $key, $value := fromYaml . }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}
