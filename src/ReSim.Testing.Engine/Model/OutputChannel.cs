namespace ReSim.Testing.Engine.Model;

/// <summary>The output stream a line came from.</summary>
public enum OutputChannel
{
    /// <summary>Standard output.</summary>
    StdOut,

    /// <summary>Standard error.</summary>
    StdErr,
}
