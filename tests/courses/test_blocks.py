import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import KnowledgeCheckBlock
from tests.courses.conftest import CHECK_ONE


def clean(value):
    block = KnowledgeCheckBlock()
    return block.clean(block.to_python(value))


def test_valid_check_passes():
    assert clean(CHECK_ONE)["key"] == "definition"


def test_single_answer_check_with_two_correct_is_refused_on_options():
    value = {**CHECK_ONE, "options": [{**o, "correct": True} for o in CHECK_ONE["options"]]}
    with pytest.raises(StructBlockValidationError) as error:
        clean(value)
    assert "Only one option can be correct" in str(error.value.block_errors["options"])


def test_check_with_no_correct_answer_is_refused():
    value = {**CHECK_ONE, "options": [{**o, "correct": False} for o in CHECK_ONE["options"]]}
    with pytest.raises(StructBlockValidationError) as error:
        clean(value)
    assert "Mark at least one option as correct" in str(error.value.block_errors["options"])


def test_key_must_be_a_slug():
    with pytest.raises(StructBlockValidationError) as error:
        clean({**CHECK_ONE, "key": "has spaces!"})
    assert "key" in error.value.block_errors


def test_a_new_check_in_the_editor_starts_with_the_two_options_it_needs():
    """What the page editor is sent for a knowledge check added to a lesson."""
    from wagtail.blocks.stream_block import StreamBlockAdapter

    from courses.blocks import LessonStreamBlock

    _name, _children, new_block_values, _meta = StreamBlockAdapter().js_args(LessonStreamBlock())
    options = new_block_values["knowledge_check"]["options"]
    assert len(options) == 2
    assert all(option["value"]["text"] is None for option in options)


def test_the_question_leaves_out_select_all_that_apply():
    question = CHECK_ONE["question"] + " Select all that apply."
    with pytest.raises(StructBlockValidationError) as error:
        clean({**CHECK_ONE, "question": question})
    assert "Leave out 'Select all that apply.'" in str(error.value.block_errors["question"])
