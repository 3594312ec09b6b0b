package io.switchboard.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.event.AttachmentView;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.user.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and downloads. An upload is seen only by its uploader until a message takes it;
 * then by everyone who reads the channel, until the message is deleted.
 */
@Service
class AttachmentFiles {

	private static final Logger logger = LoggerFactory.getLogger(AttachmentFiles.class);

	private final AttachmentRepository attachments;

	private final AttachmentStorage storage;

	private final ChannelAccess access;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final long maxSize;

	AttachmentFiles(AttachmentRepository attachments, AttachmentStorage storage, ChannelAccess access,
			JdbcTemplate jdbc, TransactionTemplate transactions, AttachmentSettings settings) {
		this.attachments = attachments;
		this.storage = storage;
		this.access = access;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.maxSize = settings.maxSize().toBytes();
	}

	/**
	 * Members upload; a channel the uploader may not read is one that does not exist.
	 */
	AttachmentView upload(CurrentUser uploader, long channelId, MultipartFile file) {
		if (!this.access.canRead(channelId, uploader.id())) {
			throw RequestRefused.notFound("no channel " + channelId);
		}
		if (!this.access.isMember(channelId, uploader.id())) {
			throw RequestRefused.forbidden("not a member of channel " + channelId);
		}
		// The multipart parser refuses larger ones first, unless its limits were set
		// apart from the attachments' own.
		if (file.getSize() > this.maxSize) {
			throw new MaxUploadSizeExceededException(this.maxSize);
		}
		Attachment attachment = new Attachment(channelId, uploader.id(), FileNames.shown(file.getOriginalFilename()),
				ContentTypes.declared(file.getContentType()), file.getSize(), Timestamps.now());
		return this.transactions.execute((status) -> {
			long id = this.attachments.save(attachment).id();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int outcome) {
					if (outcome != STATUS_COMMITTED) {
						AttachmentFiles.this.storage.delete(id);
					}
				}

			});
			try (InputStream content = file.getInputStream()) {
				this.storage.store(id, content, file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not store attachment " + id, ex);
			}
			return attachment.view();
		});
	}

	/**
	 * An attachment the reader may fetch; any other is one that does not exist.
	 */
	Download download(CurrentUser reader, long attachmentId) {
		Attachment attachment = this.attachments.findById(attachmentId)
			.filter((found) -> mayFetch(found, reader.id()))
			.orElseThrow(() -> RequestRefused.notFound("no attachment " + attachmentId));
		Resource content = this.storage.content(attachmentId);
		if (content == null) {
			logger.warn("Attachment {} has no stored content; was switchboard.attachments.storage changed?",
					attachmentId);
			throw RequestRefused.notFound("no attachment " + attachmentId);
		}
		return new Download(attachment.name(), attachment.contentType(), content);
	}

	private boolean mayFetch(Attachment attachment, long readerId) {
		Long messageId = attachment.messageId();
		boolean shown = (messageId != null) ? !deleted(messageId) : attachment.uploaderId() == readerId;
		return shown && this.access.canRead(attachment.channelId(), readerId);
	}

	private boolean deleted(long messageId) {
		List<Boolean> deleted = this.jdbc.query("select deleted from messages where id = ?",
				(row, i) -> row.getBoolean(1), messageId);
		return deleted.isEmpty() || deleted.get(0);
	}

	/**
	 * @param contentType the type the uploader declared
	 */
	record Download(String name, String contentType, Resource content) {

	}

}
