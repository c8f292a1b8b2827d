namespace ReSim.Testing.Engine.Model;

/// <summary>When the engine pulls a service's image.</summary>
public enum PullPolicy
{
    /// <summary>Pull only images the engine does not have.</summary>
    Missing,

    /// <summary>Pull every image before every run.</summary>
    Always,

    /// <summary>Never pull; a missing image is an infrastructure error.</summary>
    Never,
}
