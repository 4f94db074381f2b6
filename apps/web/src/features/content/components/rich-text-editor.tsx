import { Link } from '@tiptap/extension-link';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { Button, Flex, Input, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useContentTexts } from '../content-texts';

/**
 * The article editor: Tiptap (ProseMirror) with the formatting the server's allowlist keeps — headings
 * 2–3, bold, italic, underline, strike, lists, quotes and http/https/mailto links. What it does not
 * know (pictures, scripts, styles, event attributes) is dropped when HTML is pasted, and the server
 * sanitises again whatever arrives. Loaded lazily with the edit screen only.
 */
export function RichTextEditor({ value, onChange, id }: { value?: string; onChange?: (html: string) => void; id?: string }) {
  const t = useContentTexts();
  const [address, setAddress] = useState('');
  // The last HTML this editor reported: the same text coming back as `value` is our own echo, not news.
  const emitted = useRef<string | undefined>(undefined);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: false,
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        protocols: ['mailto'],
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      }),
    ],
    content: value ?? '',
    editorProps: {
      attributes: {
        'aria-label': t('content.form.body'),
        'data-testid': 'content-editor',
        style: 'min-height:220px;outline:none',
        ...(id ? { id } : {}),
      },
    },
    onUpdate: ({ editor: current }) => {
      emitted.current = current.isEmpty ? '' : current.getHTML();
      onChange?.(emitted.current);
    },
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      underline: current?.isActive('underline') ?? false,
      strike: current?.isActive('strike') ?? false,
      h2: current?.isActive('heading', { level: 2 }) ?? false,
      h3: current?.isActive('heading', { level: 3 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      blockquote: current?.isActive('blockquote') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });

  // A value set from outside (the item loaded after the editor) replaces the document once.
  // useEditor may destroy an instance and make another (options or a remount): a destroyed one has no
  // schema left, and reading its HTML threw, crashing the screen now and then (the browser journey).
  // An echo of an older keystroke arriving after a newer one (a loaded machine) must not roll the document back:
  // only a value the editor did not emit (the item loaded after the editor) replaces it.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === undefined || value === emitted.current || editor.isFocused) return;
    if (value !== editor.getHTML()) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (key: keyof NonNullable<typeof active>, label: Parameters<typeof t>[0], text: string, run: () => void) => (
    <Tooltip title={t(label)} key={key}>
      <Button
        size="small"
        type={active?.[key] ? 'primary' : 'default'}
        aria-label={t(label)}
        aria-pressed={active?.[key] ?? false}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
        data-testid={`editor-${key}`}
      >
        {text}
      </Button>
    </Tooltip>
  );
  const applyLink = () => {
    const href = address.trim();
    if (!/^(https?:\/\/|mailto:)/i.test(href)) return;
    chain().extendMarkRange('link').setLink({ href }).run();
    setAddress('');
  };

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Flex role="toolbar" aria-label={t('editor.toolbar')} gap={4} wrap style={{ padding: 6, borderBottom: '1px solid #f0f0f0' }}>
        {tool('bold', 'editor.bold', 'B', () => chain().toggleBold().run())}
        {tool('italic', 'editor.italic', 'I', () => chain().toggleItalic().run())}
        {tool('underline', 'editor.underline', 'U', () => chain().toggleUnderline().run())}
        {tool('strike', 'editor.strike', 'S', () => chain().toggleStrike().run())}
        {tool('h2', 'editor.h2', 'H2', () => chain().toggleHeading({ level: 2 }).run())}
        {tool('h3', 'editor.h3', 'H3', () => chain().toggleHeading({ level: 3 }).run())}
        {tool('bulletList', 'editor.bulletList', '•', () => chain().toggleBulletList().run())}
        {tool('orderedList', 'editor.orderedList', '1.', () => chain().toggleOrderedList().run())}
        {tool('blockquote', 'editor.quote', '❝', () => chain().toggleBlockquote().run())}
        <Input
          size="small"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          onPressEnter={(event) => {
            event.preventDefault();
            applyLink();
          }}
          placeholder={t('editor.linkAddress')}
          aria-label={t('editor.linkAddress')}
          style={{ width: 220 }}
          data-testid="editor-link-address"
        />
        <Button size="small" onMouseDown={(event) => event.preventDefault()} onClick={applyLink} data-testid="editor-link">
          {t('editor.linkApply')}
        </Button>
        {active?.link ? (
          <Button size="small" onMouseDown={(event) => event.preventDefault()} onClick={() => chain().unsetLink().run()}>
            {t('editor.unlink')}
          </Button>
        ) : null}
      </Flex>
      <EditorContent editor={editor} className="rich-text-editor" style={{ padding: '4px 12px', minHeight: 240 }} />
    </div>
  );
}
