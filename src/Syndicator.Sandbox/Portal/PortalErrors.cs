namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The kinds of refusal the emulated interface answers, for the stats' <c>errors</c>. They are ours: no public source
/// shows receive.jsp's reply (platform-truth §4), and the A00–A07 codes belong to another Hanweb service (§4), so the
/// answer itself carries only <c>success=false</c> and a message in words.
/// </summary>
internal static class PortalErrors
{
    /// <summary>No such user, or a wrong password, or the credentials not where the site reads them.</summary>
    public const string Credentials = "credentials";

    /// <summary>A field is missing or bad: the message names it.</summary>
    public const string BadField = "bad-field";

    /// <summary>The document is not well-formed XML, or not the site's envelope.</summary>
    public const string BadFormat = "bad-format";

    /// <summary>An operation the site does not accept.</summary>
    public const string Unsupported = "unsupported";

    /// <summary>No such article.</summary>
    public const string NoSuchArticle = "no-such-article";
}
