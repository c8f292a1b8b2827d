namespace ReSim.Testing.Compose.Model;

/// <summary>When a <c>depends_on</c> dependency is satisfied (R15).</summary>
public enum DependencyCondition
{
    /// <summary><c>service_started</c>: the dependency is running.</summary>
    ServiceStarted,

    /// <summary><c>service_healthy</c>: the dependency's health check passes.</summary>
    ServiceHealthy,

    /// <summary><c>service_completed_successfully</c>: the dependency exited with code 0.</summary>
    ServiceCompletedSuccessfully,
}
