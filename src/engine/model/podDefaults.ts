/** Kubernetes' default spec.terminationGracePeriodSeconds (SetDefaults_PodSpec, pkg/apis/core/v1/defaults.go). */
export const DEFAULT_GRACE_SECONDS = 30;
