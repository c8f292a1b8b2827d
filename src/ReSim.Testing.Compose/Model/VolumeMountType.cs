namespace ReSim.Testing.Compose.Model;

/// <summary>The kinds of mount in a service's <c>volumes</c>.</summary>
public enum VolumeMountType
{
    /// <summary>A named volume declared at the top level (R10), or an anonymous one.</summary>
    Volume,

    /// <summary>A host path; the platform has none of the user's host paths (see docs/diagnostics.md).</summary>
    Bind,

    /// <summary>A tmpfs mount.</summary>
    Tmpfs,
}
