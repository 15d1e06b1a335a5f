using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class IncidentNoteRevisionConfiguration : IEntityTypeConfiguration<IncidentNoteRevision>
{
    public void Configure(EntityTypeBuilder<IncidentNoteRevision> builder)
    {
        builder.ToTable("incident_note_revisions");
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.By).HasMaxLength(128);
        builder.HasIndex(r => new { r.NoteId, r.Revision }).IsUnique();
    }
}
