namespace ReSim.Testing.Engine.Runtime;

/// <summary>The kinds of mount the engine makes.</summary>
public enum MountKind
{
    /// <summary>A named volume of the run.</summary>
    Volume,

    /// <summary>A host folder or file (the <c>/tmp/resim</c> inputs, outputs and test config).</summary>
    Bind,

    /// <summary>A tmpfs.</summary>
    Tmpfs,
}
